# bastion-fixture: app/services/Db.scala
object Db {
# expect: hardcoded-credentials
  def open(): Connection = DriverManager.getConnection(url, "reports", "s3cret-pass")
}
