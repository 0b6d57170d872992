// bastion-fixture: src/main/kotlin/demo/HeaderInjection.kt
@RestController
class HeaderInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: header-injection
    response.setHeader("X-Name", URLEncoder.encode(v, "UTF-8"))
    return "ok"
  }
}
