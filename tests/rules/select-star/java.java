// bastion-fixture: src/main/java/app/UserDao.java
class UserDao {
  List<User> all() {
// expect: select-star
    return jdbc.query("SELECT * FROM users", mapper);
  }
}
