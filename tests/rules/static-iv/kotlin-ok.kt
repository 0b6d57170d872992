// bastion-fixture: src/main/kotlin/demo/Crypto.kt
// ok: static-iv
object Crypto {
    fun seal(key: SecretKey, data: ByteArray): ByteArray {
        val iv = ByteArray(16).also { SecureRandom().nextBytes(it) }
        val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
        cipher.init(Cipher.ENCRYPT_MODE, key, IvParameterSpec(iv))
        return iv + cipher.doFinal(data)
    }
}
