// bastion-fixture: src/main/scala/app/LoginRoutes.scala
// Akka HTTP: the session cookie is set without Secure.
package app

import akka.http.scaladsl.model.headers.HttpCookie
import akka.http.scaladsl.model.{StatusCodes, Uri}
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route

class LoginRoutes(sessions: Sessions) {
  val route: Route =
    path("login") {
      formFields("user", "password") { (user, password) =>
        val token = sessions.open(user, password)
// expect: cookie-insecure
        setCookie(HttpCookie("session", token, secure = false, httpOnly = true)) {
          redirect(Uri("/home"), StatusCodes.Found)
        }
      }
    }
}
