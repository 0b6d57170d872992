// bastion-fixture: src/main/kotlin/com/shop/UserController.kt
@RestController
@RequestMapping("/api/users")
class UserController(private val userRepository: UserRepository) {
    @GetMapping("/{id}/purge")
    fun purge(@PathVariable id: Long): Map<String, Any> {
// expect: get-handler-writes
        userRepository.deleteById(id)
        return mapOf("ok" to true)
    }
}
