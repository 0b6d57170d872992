// bastion-fixture: src/main/kotlin/demo/TrustBoundaryViolation.kt
@RestController
class TrustBoundaryViolation {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: trust-boundary-violation
    session.setAttribute("user", v)
    return "ok"
  }
}
