// bastion-fixture: src/main/kotlin/demo/PathTraversal.kt
@RestController
class PathTraversal {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: path-traversal
    val text = File("/data/" + FilenameUtils.getName(v)).readText()
    return "ok"
  }
}
