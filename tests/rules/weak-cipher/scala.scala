# bastion-fixture: app/services/Accounts.scala
class Accounts {
# expect: weak-cipher
  val cipher = Cipher.getInstance("DES/CBC/PKCS5Padding")
# expect: weak-cipher
  val aes = Cipher.getInstance("AES")
}
