// bastion-fixture: src/main/java/com/acme/UserController.java
class UserController {
  @GetMapping("/users")
  User find(@RequestParam String id, @RequestParam String name, HttpServletRequest req) {
// expect: sql-injection
    ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM users WHERE id = " + id);
    String jpql = "SELECT u FROM User u WHERE u.name = '" + name + "'";
// expect: sql-injection
    em.createQuery(jpql, User.class).getResultList();
    String a = req.getParameter("a");
// expect: sql-injection
    jdbcTemplate.query(String.format("SELECT * FROM t WHERE a = %s", a), mapper);
    return null;
  }
}
