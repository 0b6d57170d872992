// bastion-fixture: src/main/java/com/acme/ReportDao.java
// ok: sql-injection
class ReportDao {
  private static final String TABLE = "reports";
  List<Row> page(String orderBy, long tenantId) {
    String sql = "SELECT * FROM " + TABLE + " WHERE tenant = " + tenantId;
    jdbcTemplate.query(sql + " ORDER BY " + orderBy, mapper);
    return em.createNativeQuery("DELETE FROM " + partitionName()).getResultList();
  }
  @GetMapping("/reports")
  List<Row> list(@RequestParam String sort) {
    String column = ALLOWED.contains(sort) ? sort : "id";
    return jdbcTemplate.query("SELECT * FROM reports ORDER BY " + column, mapper);
  }
}
