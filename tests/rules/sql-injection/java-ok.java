// bastion-fixture: src/main/java/com/acme/UserDao.java
// ok: sql-injection
class UserDao {
  User find(String id) throws SQLException {
    PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = ?");
    em.createQuery("SELECT u FROM User u WHERE u.name = :n").setParameter("n", n);
    jdbcTemplate.query("SELECT * FROM " + TABLE + " WHERE a = ?", mapper, a);
    map.update("key" + id);
    return null;
  }
}
