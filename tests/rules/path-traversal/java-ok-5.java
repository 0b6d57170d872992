// bastion-fixture: src/main/java/blog/UploadController.java
// ok: path-traversal
// Only the extension (from the last dot on) comes from the upload: one dot, no `..`.
class UploadController {
  @PostMapping("/upload/file")
  Result upload(@RequestParam("file") MultipartFile file) throws Exception {
    String fileName = file.getOriginalFilename();
    String suffixName = fileName.substring(fileName.lastIndexOf("."));
    String newFileName = stamp() + suffixName;
    file.transferTo(new File(UPLOAD_DIR + newFileName));
    String ext = FilenameUtils.getExtension(file.getOriginalFilename());
    Files.copy(file.getInputStream(), Paths.get(UPLOAD_DIR, stamp() + "." + ext));
    return ok();
  }
}
