// bastion-fixture: src/main/kotlin/demo/Thumbnails.kt
// ok: command-injection
@RestController
class Thumbnails {
  // The value is one argument of a fixed program, run without a shell: it cannot start
  // another command (what `convert` does with an odd file name is its own matter).
  @GetMapping("/thumb")
  fun thumb(@RequestParam name: String): String {
    ProcessBuilder("convert", name, "thumb.png").start()
    return "ok"
  }
}
