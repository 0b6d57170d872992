// bastion-fixture: src/main/scala/gw/PreviewRoutes.scala
// The query's URL, parsed by a match and fetched inside a for comprehension.
package gw

import cats.effect.IO
import org.http4s._
import org.http4s.client.Client
import org.http4s.dsl.io._

object UrlParam extends QueryParamDecoderMatcher[String]("url")

class PreviewRoutes(client: Client[IO]) {
  val routes: HttpRoutes[IO] = HttpRoutes.of[IO] {
    case GET -> Root / "link-preview" :? UrlParam(url) =>
      Uri.fromString(url) match {
        case Left(_) => BadRequest("malformed url")
        case Right(target) =>
          for {
// expect: ssrf
            html <- client.expect[String](Request[IO](Method.GET, target))
            resp <- Ok(html.take(200))
          } yield resp
      }
  }
}
