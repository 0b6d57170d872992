// bastion-fixture: src/main/kotlin/demo/LdapInjection.kt
@RestController
class LdapInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: ldap-injection
    ctx.search("ou=people", "(uid=$v)", controls)
    return "ok"
  }
}
