# bastion-fixture: app/services/Accounts.scala
# ok: scala-weak-crypto
class Accounts {
  def etag(body: Array[Byte]) = MessageDigest.getInstance("MD5").digest(body)
  val cipher = Cipher.getInstance("AES/GCM/NoPadding")
}
