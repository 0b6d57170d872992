// bastion-fixture: src/main/kotlin/demo/Tokens.kt
// ok: hardcoded-credentials
object Tokens {
    private const val TOKEN_HEADER = "x-auth-token"
    private val secret = System.getenv("JWT_SECRET")
    fun sign(sub: String): String = JWT.create().withSubject(sub).sign(Algorithm.HMAC256(secret))
}
