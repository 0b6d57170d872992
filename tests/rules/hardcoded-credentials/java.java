// bastion-fixture: src/main/java/demo/Db.java
class Db {
  Connection open() throws SQLException {
// expect: hardcoded-credentials
    return DriverManager.getConnection(URL, "reports", "s3cret-pass");
  }
}
