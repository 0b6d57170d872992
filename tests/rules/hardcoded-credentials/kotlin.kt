// bastion-fixture: src/main/kotlin/demo/Tokens.kt
object Tokens {
// expect: hardcoded-credentials
    private const val SIGNING_SECRET = "k8s-signing-secret-2024"
    fun sign(sub: String): String = JWT.create().withSubject(sub).sign(Algorithm.HMAC256(SIGNING_SECRET))
}
