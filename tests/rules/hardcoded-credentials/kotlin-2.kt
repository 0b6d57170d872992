// bastion-fixture: src/main/kotlin/auth/AuthSettings.kt
// A val of an object is a constant: a signing key written into it ships with the code.
package auth

object AuthSettings {
    const val ISSUER = "acme-auth"
// expect: hardcoded-credentials
    val legacySigningKey = "k7Hq2-acme-prod-signing-key-2024!"
    val signingKey: String = System.getenv("AUTH_SIGNING_KEY") ?: error("AUTH_SIGNING_KEY is not set")
}
