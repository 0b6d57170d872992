// bastion-fixture: src/main/kotlin/app/UserDao.kt
// ok: select-star
class UserDao {
    val q = "SELECT id FROM users"
}
