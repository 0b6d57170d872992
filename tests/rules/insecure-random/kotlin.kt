// bastion-fixture: src/main/kotlin/demo/Invites.kt
object Invites {
// expect: insecure-random
    fun resetToken(): String = Random.nextLong().toString(36)
}
