// bastion-fixture: src/main/java/demo/HeaderInjection.java
class HeaderInjection {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// expect: header-injection
    response.setHeader("X-Name", v);
    return "ok";
  }
}
