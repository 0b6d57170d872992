// bastion-fixture: src/main/kotlin/app/UserDao.kt
class UserDao(val jdbc: JdbcTemplate) {
// expect: select-star
    fun all() = jdbc.query("SELECT * FROM users", mapper)
}
