// bastion-fixture: src/main/kotlin/demo/JndiInjection.kt
@RestController
class JndiInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: jndi-injection
    val o = InitialContext().lookup("java:comp/env/jdbc/app")
    return "ok"
  }
}
