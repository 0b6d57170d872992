// bastion-fixture: src/main/java/demo/Login.java
// ok: cookie-insecure
class Login {
  void login(HttpServletResponse response, String sid) {
    Cookie cookie = new Cookie("SID", sid);
    cookie.setSecure(true);
    cookie.setHttpOnly(true);
    response.addCookie(cookie);
  }
}
