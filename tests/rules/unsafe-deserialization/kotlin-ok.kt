// bastion-fixture: src/main/kotlin/demo/UnsafeDeserialization.kt
@RestController
class UnsafeDeserialization {
  @GetMapping("/x")
  fun handle(@RequestParam v: String, response: HttpServletResponse, session: HttpSession): String {
// ok: unsafe-deserialization
    val o = ObjectInputStream(FileInputStream("cache.bin")).readObject()
    return "ok"
  }
}
