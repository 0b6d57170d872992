// bastion-fixture: src/main/kotlin/demo/XpathInjection.kt
@RestController
class XpathInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: xpath-injection
    val n = xp.evaluate("//user[@name='$v']", doc)
    return "ok"
  }
}
