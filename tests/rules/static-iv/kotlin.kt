// bastion-fixture: src/main/kotlin/demo/Crypto.kt
object Crypto {
    fun seal(key: SecretKey, data: ByteArray): ByteArray {
        val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
// expect: static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, IvParameterSpec("0123456789abcdef".toByteArray()))
        return cipher.doFinal(data)
    }
}
