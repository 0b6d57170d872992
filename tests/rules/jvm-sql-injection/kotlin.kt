// bastion-fixture: src/main/kotlin/com/acme/UserRepo.kt
class UserRepo(private val jdbc: JdbcTemplate) {
    fun byName(name: String) =
// expect: jvm-sql-injection
        jdbc.queryForList("SELECT * FROM users WHERE name = '$name'")
// expect: jvm-sql-injection
    fun byId(id: Long) = em.createNativeQuery("DELETE FROM t WHERE id = ${id}")
}
