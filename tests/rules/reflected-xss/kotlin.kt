// bastion-fixture: src/main/kotlin/com/acme/Search.kt
fun doGet(request: HttpServletRequest, response: HttpServletResponse) {
    val q = request.getParameter("q")
// expect: reflected-xss
    response.getWriter().println("<p>$q</p>")
}
