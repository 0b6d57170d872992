// bastion-fixture: src/main/java/docs/DocumentController.java
// `getOriginalFilename()` is the name the client sent, `../` included.
@RestController
class DocumentController {
  @PostMapping("/documents")
  String upload(@RequestParam("file") MultipartFile file) throws IOException {
// expect: path-traversal
    file.transferTo(new File("/srv/documents/" + file.getOriginalFilename()));
    return "stored";
  }
}
