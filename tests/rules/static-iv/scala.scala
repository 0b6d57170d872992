# bastion-fixture: app/services/Crypto.scala
object Crypto {
  def seal(key: SecretKey, data: Array[Byte]): Array[Byte] = {
    val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
# expect: static-iv
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new Array[Byte](16)))
    cipher.doFinal(data)
  }
}
