// bastion-fixture: src/main/kotlin/demo/CodeInjection.kt
@RestController
class CodeInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: code-injection
    val e = parser.parseExpression("1 + 1")
    return "ok"
  }
}
