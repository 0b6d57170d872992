// bastion-fixture: src/main/java/L.java
class L {
  void f(HttpServletRequest request) throws Exception {
    String u = request.getParameter("u");
// expect: ldap-injection
    ctx.search("ou=people", "(uid=" + u + ")", controls);
  }
}
