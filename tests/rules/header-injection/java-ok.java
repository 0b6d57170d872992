// bastion-fixture: src/main/java/demo/HeaderInjection.java
class HeaderInjection {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// ok: header-injection
    response.setHeader("X-Name", URLEncoder.encode(v, "UTF-8"));
    return "ok";
  }
}
