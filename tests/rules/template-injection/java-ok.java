// bastion-fixture: src/main/java/demo/TemplateInjection.java
class TemplateInjection {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// ok: template-injection
    Velocity.evaluate(context, writer, "page", "Hello $name");
    return "ok";
  }
}
