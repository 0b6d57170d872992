// bastion-fixture: src/main/kotlin/com/shop/UserController.kt
@RestController
@RequestMapping("/api/users")
class UserController(private val userRepository: UserRepository) {
    @GetMapping("/{id}")
    fun get(@PathVariable id: Long): ResponseEntity<Any> =
// expect: error-with-status-200
        ResponseEntity.ok(mapOf("error" to "not found"))
}
