// bastion-fixture: src/main/java/X.java
// ok: xpath-injection
class X {
  void f(HttpServletRequest request) throws Exception {
    String n = request.getParameter("n");
    xp.evaluate("//user[@name=$n]", doc);
  }
}
