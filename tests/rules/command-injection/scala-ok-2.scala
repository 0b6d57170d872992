// bastion-fixture: src/main/scala/app/ThumbRoutes.scala
// ok: command-injection
// An argument list: the image name is one argv entry of a fixed program, no shell.
package app

import scala.sys.process._

import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route

class ThumbRoutes {
  val route: Route =
    path("thumb") {
      parameter("img") { img =>
        val code = Seq("convert", s"/srv/images/$img", "-resize", "64x64", "/tmp/thumb.png").!
        complete(code.toString)
      }
    }
}
