# bastion-fixture: app/services/Accounts.scala
# ok: weak-hash
class Accounts {
  def etag(body: Array[Byte]) = MessageDigest.getInstance("MD5").digest(body)
  def digest(body: Array[Byte]) = MessageDigest.getInstance("SHA-256").digest(body)
}
