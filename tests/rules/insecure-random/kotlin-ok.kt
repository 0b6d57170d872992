// bastion-fixture: src/main/kotlin/demo/Invites.kt
// ok: insecure-random
object Invites {
    private val rng = SecureRandom()
    fun resetToken(): String = BigInteger(130, rng).toString(32)
    fun jitterMillis(): Long = Random.nextLong(50)
}
