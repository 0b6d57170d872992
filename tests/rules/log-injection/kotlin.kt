// bastion-fixture: src/main/kotlin/demo/LogInjection.kt
@RestController
class LogInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: log-injection
    logger.info("user $v")
    return "ok"
  }
}
