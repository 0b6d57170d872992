// bastion-fixture: src/main/kotlin/com/acme/UserRepo.kt
// ok: jvm-sql-injection
class UserRepo(private val jdbc: JdbcTemplate) {
    fun byName(name: String) = jdbc.queryForList("SELECT * FROM users WHERE name = ?", name)
}
