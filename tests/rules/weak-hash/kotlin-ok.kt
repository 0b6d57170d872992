// bastion-fixture: src/main/kotlin/demo/Tokens.kt
// ok: weak-hash
object Tokens {
    fun fingerprint(key: ByteArray): ByteArray = MessageDigest.getInstance("SHA-256").digest(key)
}
