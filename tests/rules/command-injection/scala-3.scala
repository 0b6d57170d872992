// bastion-fixture: src/main/scala/svc/JobRoutes.scala
// The decoded JSON body's command runs in a shell, inside the lambda given to flatMap.
package svc

import cats.effect.IO
import io.circe.generic.auto._
import org.http4s._
import org.http4s.circe.CirceEntityDecoder._
import org.http4s.dsl.io._
import scala.sys.process._

final case class Job(cmd: String)

object JobRoutes {
  val routes: HttpRoutes[IO] = HttpRoutes.of[IO] {
    case req @ POST -> Root / "jobs" =>
      req.as[Job].flatMap { job =>
// expect: command-injection
        val out = Seq("sh", "-c", job.cmd).!!
        Ok(out)
      }
  }
}
