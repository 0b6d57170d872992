// bastion-fixture: src/main/kotlin/demo/JndiInjection.kt
@RestController
class JndiInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: jndi-injection
    val o = InitialContext().lookup(v)
    return "ok"
  }
}
