// bastion-fixture: src/main/kotlin/demo/Tokens.kt
object Tokens {
// expect: weak-hash
    fun fingerprint(key: ByteArray): ByteArray = MessageDigest.getInstance("MD5").digest(key)
}
