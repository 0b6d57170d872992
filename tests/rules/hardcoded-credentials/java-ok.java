// bastion-fixture: src/main/java/demo/Db.java
// ok: hardcoded-credentials
class Db {
  private static final String PASSWORD_PARAM = "password";
  private static final String SECRET_KEY_ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String TOKEN_CIPHER = "AES/GCM/NoPadding";
  Connection open() throws SQLException {
    return DriverManager.getConnection(URL, "reports", System.getenv("DB_PASSWORD"));
  }
}
