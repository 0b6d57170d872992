// bastion-fixture: src/main/kotlin/demo/OpenRedirect.kt
@RestController
class OpenRedirect {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: open-redirect
    response.sendRedirect(v)
    return "ok"
  }
}
