// bastion-fixture: src/main/kotlin/com/acme/PrefsController.kt
@RestController
class PrefsController {
    @PostMapping("/prefs")
    fun save(@RequestBody body: ByteArray): Any {
// expect: unsafe-deserialization
        val input = ObjectInputStream(ByteArrayInputStream(body))
        return input.readObject()
    }
}
