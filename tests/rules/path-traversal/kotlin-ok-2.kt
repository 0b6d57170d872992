// bastion-fixture: src/main/kotlin/demo/Avatars.kt
// A single `{user}` path segment cannot name a file outside the folder.
@RestController
class Avatars {
  @GetMapping("/avatars/{user}")
  fun avatar(@PathVariable user: String): ByteArray {
// ok: path-traversal
    return File("/data/avatars/$user.png").readBytes()
  }
}
