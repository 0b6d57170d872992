// bastion-fixture: src/main/java/demo/security/CsrfCookieFilter.java
// ok: cookie-insecure
public class CsrfCookieFilter extends OncePerRequestFilter {
  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    Cookie cookie = new Cookie("XSRF-TOKEN", token.getToken());
    cookie.setHttpOnly(false);
    cookie.setSecure(true);
    cookie.setPath("/");
    response.addCookie(cookie);
    chain.doFilter(request, response);
  }
}
