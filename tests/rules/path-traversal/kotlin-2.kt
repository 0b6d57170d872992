// bastion-fixture: src/main/kotlin/demo/Files.kt
// `{*rest}` is the rest of the URL, slashes and all.
@RestController
class FilesController {
  @GetMapping("/files/{*rest}")
  fun file(@PathVariable rest: String): ByteArray {
// expect: path-traversal
    return File("/data/files/$rest").readBytes()
  }
}
