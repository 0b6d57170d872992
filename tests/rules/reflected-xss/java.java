// bastion-fixture: src/main/java/com/acme/SearchServlet.java
class SearchServlet extends HttpServlet {
  void doGet(HttpServletRequest request, HttpServletResponse response) {
// expect: reflected-xss
    response.getWriter().write("<p>" + request.getParameter("q") + "</p>");
  }
}
