// bastion-fixture: src/main/scala/gw/AuthRoutes.scala
// After the login round trip, the `next` parameter is where the browser is sent.
package gw

import cats.effect.IO
import org.http4s._
import org.http4s.dsl.io._
import org.http4s.headers.Location

object CodeParam extends QueryParamDecoderMatcher[String]("code")
object NextParam extends OptionalQueryParamDecoderMatcher[String]("next")

class AuthRoutes(sessions: Sessions) {
  val routes: HttpRoutes[IO] = HttpRoutes.of[IO] {
    case GET -> Root / "auth" / "callback" :? CodeParam(code) +& NextParam(next) =>
      for {
        sid  <- sessions.exchange(code)
        dest  = next.getOrElse("/dashboard")
// expect: open-redirect
        resp <- Found(Location(Uri.unsafeFromString(dest)))
      } yield resp.addCookie(ResponseCookie("sid", sid, httpOnly = true, secure = true))
  }
}
