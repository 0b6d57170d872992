// bastion-fixture: src/main/kotlin/demo/PathTraversal.kt
@RestController
class PathTraversal {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// expect: path-traversal
    val text = File("/data/$v").readText()
    return "ok"
  }
}
