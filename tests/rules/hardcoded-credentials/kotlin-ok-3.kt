// bastion-fixture: src/main/kotlin/auth/AuthSettings.kt
// Names of where secrets are, and labels, are not secrets.
package auth

object AuthSettings {
    val tokenHeader = "X-Acme-Session-Token"
// ok: hardcoded-credentials
    val secretName = "acme-auth-signing-key"
    val apiKeyTitle = "Partner API Keys"
    val signingKey: String = System.getenv("AUTH_SIGNING_KEY") ?: error("AUTH_SIGNING_KEY is not set")
}
