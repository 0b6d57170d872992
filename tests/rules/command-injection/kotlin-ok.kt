// bastion-fixture: src/main/kotlin/demo/CommandInjection.kt
@RestController
class CommandInjection {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: command-injection
    ProcessBuilder("convert", "a.png", "b.jpg").start()
    return "ok"
  }
}
