# bastion-fixture: app/services/Crypto.scala
# ok: static-iv
object Crypto {
  def seal(key: SecretKey, data: Array[Byte]): Array[Byte] = {
    val iv = new Array[Byte](16)
    new SecureRandom().nextBytes(iv)
    val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv))
    iv ++ cipher.doFinal(data)
  }
}
