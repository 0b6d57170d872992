// bastion-fixture: src/main/kotlin/demo/openapi/OpenApiConfiguration.kt
// ok: hardcoded-credentials
package demo.openapi

// Tag names grouping the endpoints in the generated API documentation.
object Tags {
    const val USERS = "Users"
    const val API_KEYS = "API Keys"
    const val LOGIN = "User login"
}
