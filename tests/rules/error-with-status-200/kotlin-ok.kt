// bastion-fixture: src/main/kotlin/com/shop/UserController.kt
// ok: error-with-status-200
@RestController
@RequestMapping("/api/users")
class UserController(private val userRepository: UserRepository) {
    @GetMapping("/{id}")
    fun get(@PathVariable id: Long): ResponseEntity<Any> =
        ResponseEntity.status(HttpStatus.NOT_FOUND).body(mapOf("error" to "not found"))
}
