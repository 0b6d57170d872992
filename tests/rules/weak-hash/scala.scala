# bastion-fixture: app/services/Accounts.scala
class Accounts {
  def hashPassword(password: String): Array[Byte] =
# expect: weak-hash
    MessageDigest.getInstance("MD5").digest(password.getBytes("UTF-8"))
}
