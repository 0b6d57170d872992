// bastion-fixture: src/main/kotlin/com/shop/UserController.kt
// ok: get-handler-writes
@RestController
@RequestMapping("/api/users")
class UserController(private val userRepository: UserRepository) {
    @DeleteMapping("/{id}")
    fun purge(@PathVariable id: Long) = userRepository.deleteById(id)

    @GetMapping("/{id}")
    fun get(@PathVariable id: Long) = userRepository.findById(id)
}
