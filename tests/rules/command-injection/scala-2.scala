// bastion-fixture: src/main/scala/app/UsageRoutes.scala
// `sh -c` runs the folder name as part of a shell script.
package app

import scala.sys.process._

import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route

class UsageRoutes(root: String) {
  val route: Route =
    path("usage") {
      parameter("dir") { dir =>
// expect: command-injection
        val out = Seq("sh", "-c", s"du -sh $root/$dir | cut -f1").!!.trim
        complete(out)
      }
    }
}
