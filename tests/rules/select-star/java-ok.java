// bastion-fixture: src/main/java/app/UserDao.java
// ok: select-star
class UserDao {
  String q = "SELECT id FROM users";
}
