// bastion-fixture: src/main/kotlin/demo/Claims.kt
// ok: jwt-verification-disabled
fun Route.claims(secret: String) {
    val verifier = JWT.require(Algorithm.HMAC256(secret)).withIssuer("accounts").build()
    get("/me") {
        val raw = call.request.headers["Authorization"]?.removePrefix("Bearer ") ?: ""
        val decoded = verifier.verify(raw)
        val kid = JWT.decode(raw).keyId
        call.respondText(decoded.subject + kid)
    }
}
