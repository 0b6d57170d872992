// bastion-fixture: src/main/java/com/acme/StatusServlet.java
// ok: reflected-xss
class StatusServlet extends HttpServlet {
  void doGet(HttpServletRequest request, HttpServletResponse response) {
    int open = tickets.countOpen();
    response.getWriter().write("<p>" + open + " open, build " + BUILD + "</p>");
  }
}
