// bastion-fixture: src/main/kotlin/demo/OpenRedirect.kt
@RestController
class OpenRedirect {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: open-redirect
    response.sendRedirect("/home")
    return "ok"
  }
}
