// bastion-fixture: src/main/java/demo/RememberMeCookies.java
// ok: cookie-insecure
class RememberMeCookies {
  void setCookie(ServerWebExchange exchange, String value) {
    var cookie = initCookie(exchange, value).build();
    exchange.getResponse().addCookie(cookie);
  }

  void setLocale(ServerWebExchange exchange, String tag) {
    var cookie = ResponseCookie.from("lang", tag)
        .path("/")
        .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme()))
        .build();
    exchange.getResponse().getCookies().set("lang", cookie);
  }

  // Every cookie of this class is built here: HttpOnly, and Secure on HTTPS.
  private ResponseCookie.ResponseCookieBuilder initCookie(ServerWebExchange exchange, String value) {
    return ResponseCookie.from("remember-me", value)
        .httpOnly(true)
        .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme()))
        .sameSite("Lax");
  }
}
