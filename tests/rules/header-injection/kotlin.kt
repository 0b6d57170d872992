// bastion-fixture: src/main/kotlin/demo/HeaderInjection.kt
@RestController
class HeaderInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: header-injection
    response.setHeader("X-Name", v)
    return "ok"
  }
}
