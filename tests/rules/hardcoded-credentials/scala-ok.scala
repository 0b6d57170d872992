# bastion-fixture: app/services/Db.scala
# ok: hardcoded-credentials
object Db {
  def open(): Connection = DriverManager.getConnection(url, sys.env("DB_USER"), sys.env("DB_PASSWORD"))
}
