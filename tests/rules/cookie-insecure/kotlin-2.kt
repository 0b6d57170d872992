// bastion-fixture: src/main/kotlin/app/LoginRoutes.kt
// Ktor: the session cookie goes out without Secure.
package app

import io.ktor.http.Cookie
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.request.receiveParameters
import io.ktor.server.response.respondRedirect
import io.ktor.server.routing.post
import io.ktor.server.routing.routing

fun Application.loginRoutes(sessions: Sessions) {
    routing {
        post("/login") {
            val form = call.receiveParameters()
            val token = sessions.open(form["user"].orEmpty(), form["password"].orEmpty())
// expect: cookie-insecure
            call.response.cookies.append(Cookie("session", token, secure = false, httpOnly = true))
            call.respondRedirect("/home")
        }
    }
}
