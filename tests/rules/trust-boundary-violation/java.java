// bastion-fixture: src/main/java/demo/TrustBoundaryViolation.java
class TrustBoundaryViolation {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// expect: trust-boundary-violation
    session.setAttribute("user", v);
    return "ok";
  }
}
