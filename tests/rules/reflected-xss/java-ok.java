// bastion-fixture: src/main/java/com/acme/SearchServlet.java
// ok: reflected-xss
class SearchServlet extends HttpServlet {
  void doGet(HttpServletRequest request, HttpServletResponse response) {
    response.getWriter().write(Encode.forHtml("ok"));
  }
}
