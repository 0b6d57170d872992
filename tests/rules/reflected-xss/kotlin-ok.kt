// bastion-fixture: src/main/kotlin/demo/ReflectedXss.kt
@RestController
class ReflectedXss {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: reflected-xss
    response.writer.print(HtmlUtils.htmlEscape(v))
    return "ok"
  }
}
