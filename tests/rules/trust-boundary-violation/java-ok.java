// bastion-fixture: src/main/java/demo/TrustBoundaryViolation.java
class TrustBoundaryViolation {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// ok: trust-boundary-violation
    session.setAttribute("visited", "yes");
    return "ok";
  }
}
