// bastion-fixture: src/main/java/blog/AttachController.java
// From the FIRST dot on, the name keeps `../` after it: `a.b/../../etc/x`.
class AttachController {
  @PostMapping("/attach")
  Result attach(@RequestParam("file") MultipartFile file) throws Exception {
    String fileName = file.getOriginalFilename();
    String rest = fileName.substring(fileName.indexOf("."));
// expect: path-traversal
    file.transferTo(new File(UPLOAD_DIR + stamp() + rest));
    return ok();
  }

  @PostMapping("/attach2")
  Result attachNamed(@RequestParam("file") MultipartFile file) throws Exception {
    // The stream is content, the client's own name is the path.
// expect: path-traversal
    Files.copy(file.getInputStream(), Paths.get(UPLOAD_DIR, file.getOriginalFilename()));
    return ok();
  }
}
