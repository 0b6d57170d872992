// bastion-fixture: src/main/java/X.java
class X {
  void f(HttpServletRequest request) throws Exception {
    String n = request.getParameter("n");
// expect: xpath-injection
    xp.evaluate("//user[@name='" + n + "']", doc);
  }
}
