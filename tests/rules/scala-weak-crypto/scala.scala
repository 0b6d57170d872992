# bastion-fixture: app/services/Accounts.scala
class Accounts {
  def hashPassword(password: String): Array[Byte] =
# expect: scala-weak-crypto
    MessageDigest.getInstance("MD5").digest(password.getBytes("UTF-8"))
# expect: scala-weak-crypto
  val cipher = Cipher.getInstance("DES/CBC/PKCS5Padding")
# expect: scala-weak-crypto
  val aes = Cipher.getInstance("AES")
}
