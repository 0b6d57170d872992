// bastion-fixture: src/main/java/demo/Db.java
// ok: hardcoded-credentials
class Db {
  private static final String PASSWORD_PARAM = "password";
  Connection open() throws SQLException {
    return DriverManager.getConnection(URL, "reports", System.getenv("DB_PASSWORD"));
  }
}
