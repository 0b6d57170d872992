// bastion-fixture: src/main/java/docs/ImageController.java
// `getName()` is the form field's name (`image`), not the client's file name, and the
// upload's bytes name no file.
@RestController
class ImageController {
  @PostMapping("/images")
  String upload(@RequestPart("image") MultipartFile image) throws IOException {
// ok: path-traversal
    File target = new File("/srv/images/" + image.getName() + ".png");
    Files.copy(image.getInputStream(), target.toPath());
    return "stored";
  }
}
