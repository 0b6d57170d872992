// bastion-fixture: src/main/kotlin/demo/Sessions.kt
// ok: cookie-insecure
fun Application.sessions() {
    install(Sessions) {
        cookie<UserSession>("SESSION") {
            cookie.secure = true
            cookie.httpOnly = true
        }
    }
}
