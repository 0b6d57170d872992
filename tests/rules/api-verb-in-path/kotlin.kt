// bastion-fixture: src/main/kotlin/com/shop/UserController.kt
@RestController
@RequestMapping("/api/users")
class UserController(private val users: UserService) {
// expect: api-verb-in-path
    @GetMapping("/fetchAll")
    fun all(): List<User> = users.all()
}
