// bastion-fixture: src/main/kotlin/com/acme/UserController.kt
// ok: sql-injection
@RestController
class UserController(private val jdbc: JdbcTemplate) {
    @GetMapping("/users")
    fun byName(@RequestParam name: String): List<Map<String, Any>> {
        val table = Users.tableName
        return jdbc.queryForList("SELECT * FROM $table WHERE name = ?", name)
    }
}
