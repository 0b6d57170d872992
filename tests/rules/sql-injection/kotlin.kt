// bastion-fixture: src/main/kotlin/com/acme/UserController.kt
@RestController
class UserController(private val jdbc: JdbcTemplate) {
    @GetMapping("/users")
    fun byName(@RequestParam name: String) =
// expect: sql-injection
        jdbc.queryForList("SELECT * FROM users WHERE name = '$name'")
}
