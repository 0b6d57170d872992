// bastion-fixture: src/main/java/demo/LogInjection.java
class LogInjection {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// ok: log-injection
    log.info("user {}", v);
    return "ok";
  }
}
