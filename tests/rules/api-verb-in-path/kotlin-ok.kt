// bastion-fixture: src/main/kotlin/com/shop/UserController.kt
// ok: api-verb-in-path
@RestController
@RequestMapping("/api/users")
class UserController(private val users: UserService) {
    @GetMapping(produces = ["application/json"])
    fun all(): List<User> = users.all()
}
