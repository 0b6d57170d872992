// bastion-fixture: src/main/java/demo/BackupController.java
class BackupController {
  @PostMapping("/restore")
  String restore(@RequestParam String name, @RequestParam String dir, HttpServletRequest request) throws Exception {
// expect: path-traversal
    File file = new File("/backups/" + FileUtil.getAbsolutePath(name));
    if (!PathChecks.isSafePath(name)) {
      throw new IllegalArgumentException("bad path");
    }
// expect: path-traversal
    FileInputStream in = new FileInputStream("/backups/" + dir);
    String header = request.getHeader("X-Backup");
// expect: path-traversal
    FileInputStream stored = new FileInputStream("/backups/" + header);
    return "ok";
  }
}
