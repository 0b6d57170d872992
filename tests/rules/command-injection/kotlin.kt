// bastion-fixture: src/main/kotlin/demo/CommandInjection.kt
@RestController
class CommandInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: command-injection
    ProcessBuilder("sh", "-c", "convert $v out.png").start()
    return "ok"
  }
}
