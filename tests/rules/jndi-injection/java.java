// bastion-fixture: src/main/java/demo/JndiInjection.java
class JndiInjection {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// expect: jndi-injection
    Object o = new InitialContext().lookup(v);
    return "ok";
  }
}
