// bastion-fixture: src/main/kotlin/com/acme/Preview.kt
fun preview(request: HttpServletRequest): String {
    val u = request.getParameter("url")
// expect: ssrf
    return URL(u).readText()
}
