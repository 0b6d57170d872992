// bastion-fixture: src/main/java/demo/PathTraversal.java
class PathTraversal {
  @GetMapping("/x")
  String handle(@RequestParam String v, HttpServletResponse response, HttpSession session) throws Exception {
// expect: path-traversal
    FileInputStream in = new FileInputStream("/data/" + v);
    return "ok";
  }
}
