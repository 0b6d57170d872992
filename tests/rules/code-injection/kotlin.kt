// bastion-fixture: src/main/kotlin/demo/CodeInjection.kt
@RestController
class CodeInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: code-injection
    val e = parser.parseExpression(v)
    return "ok"
  }
}
