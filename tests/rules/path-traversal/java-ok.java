// bastion-fixture: src/main/java/demo/PathTraversal.java
class PathTraversal {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// ok: path-traversal
    FileInputStream in = new FileInputStream("/data/" + FilenameUtils.getName(v));
    return "ok";
  }
}
