// bastion-fixture: src/main/java/L.java
// ok: ldap-injection
class L {
  void f(HttpServletRequest request) throws Exception {
    String u = LdapEncoder.filterEncode(request.getParameter("u"));
    ctx.search("ou=people", "(uid=" + u + ")", controls);
  }
}
