// bastion-fixture: src/main/java/demo/OpenRedirect.java
class OpenRedirect {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// expect: open-redirect
    response.sendRedirect(v);
    return "ok";
  }
}
