// bastion-fixture: src/main/kotlin/demo/Claims.kt
fun Route.claims() {
    get("/me") {
        val raw = call.request.headers["Authorization"]?.removePrefix("Bearer ") ?: ""
// expect: jwt-verification-disabled
        val decoded = JWT.decode(raw)
        call.respondText(decoded.subject)
    }
}
