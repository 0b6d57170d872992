// bastion-fixture: src/main/java/demo/RememberMeCookies.java
class RememberMeCookies {
  void setCookie(ServerWebExchange exchange, String value) {
    var cookie = initCookie(exchange, value).build();
// expect: cookie-insecure
    exchange.getResponse().addCookie(cookie);
  }

  void setLocale(ServerWebExchange exchange, String tag) {
// expect: cookie-insecure
    var cookie = ResponseCookie.from("lang", tag)
        .path("/")
        .secure(false)
        .build();
    exchange.getResponse().getCookies().set("lang", cookie);
  }

  // The helper never sets Secure.
  private ResponseCookie.ResponseCookieBuilder initCookie(ServerWebExchange exchange, String value) {
    return ResponseCookie.from("remember-me", value)
        .httpOnly(true)
        .sameSite("Lax");
  }
}
