// bastion-fixture: src/main/kotlin/com/acme/PrefsController.kt
@RestController
class PrefsController {
    @PostMapping("/prefs")
    fun save(@RequestBody body: ByteArray): Any {
        val input = ObjectInputStream(ByteArrayInputStream(body))
// expect: unsafe-deserialization
        return input.readObject()
    }
}
