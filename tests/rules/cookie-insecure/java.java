// bastion-fixture: src/main/java/demo/Login.java
class Login {
  void login(HttpServletResponse response, String sid) {
    Cookie cookie = new Cookie("SID", sid);
    cookie.setHttpOnly(true);
// expect: cookie-insecure
    response.addCookie(cookie);
  }
}
