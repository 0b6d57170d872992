// bastion-fixture: src/main/kotlin/demo/Ssrf.kt
@RestController
class Ssrf {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: ssrf
    val text = URL("https://api.example.com/status").readText()
    return "ok"
  }
}
