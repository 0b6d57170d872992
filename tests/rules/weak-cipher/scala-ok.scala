# bastion-fixture: app/services/Accounts.scala
# ok: weak-cipher
class Accounts {
  val cipher = Cipher.getInstance("AES/GCM/NoPadding")
}
