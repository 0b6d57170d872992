// bastion-fixture: src/main/scala/gw/LogoutRoutes.scala
// ok: open-redirect
// Only a local path is kept, and it is put on the application's own base address.
package gw

import cats.effect.IO
import org.http4s._
import org.http4s.dsl.io._
import org.http4s.headers.Location

object NextParam extends OptionalQueryParamDecoderMatcher[String]("next")

class LogoutRoutes(appBase: Uri) {
  val routes: HttpRoutes[IO] = HttpRoutes.of[IO] {
    case GET -> Root / "logout" :? NextParam(next) =>
      val path = next.filter(n => n.startsWith("/") && !n.startsWith("//")).getOrElse("/")
      SeeOther(Location(appBase.withPath(Uri.Path.unsafeFromString(path))))
    case GET -> Root / "done" :? NextParam(next) =>
      val local = next.filter(n => n.startsWith("/") && !n.startsWith("//")).getOrElse("/")
      SeeOther(Location(Uri.unsafeFromString(local)))
  }
}
