// bastion-fixture: src/main/kotlin/demo/Sessions.kt
fun Application.sessions() {
    install(Sessions) {
        cookie<UserSession>("SESSION") {
// expect: cookie-insecure
            cookie.secure = false
        }
    }
}
