// bastion-fixture: src/main/scala/ops/ToolsServlet.scala
// A Scalatra route: the block reads the query through `params`.
package ops

import org.scalatra._
import scala.sys.process._

class ToolsServlet extends ScalatraServlet {
  get("/tools/dig") {
    val host = params.getOrElse("host", halt(400, "host required"))
// expect: command-injection
    Seq("sh", "-c", s"dig +short $host").!!
  }
}
