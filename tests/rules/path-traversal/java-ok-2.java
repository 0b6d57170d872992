// bastion-fixture: src/main/java/demo/BackupController.java
class BackupController {
  @PostMapping("/restore")
  String restore(@RequestParam String name, @RequestParam String dir, @RequestParam long id) throws Exception {
// ok: path-traversal
    File file = new File("/backups/" + FileUtil.verifyFilename(name));
    if (!PathChecks.isSafePath(dir)) {
      throw new IllegalArgumentException("bad path");
    }
// ok: path-traversal
    FileInputStream in = new FileInputStream("/backups/" + dir);
    Backup backup = backupRepository.findBackupById(id);
// ok: path-traversal
    FileInputStream stored = new FileInputStream(backup.getPath());
    return "ok";
  }
}
