package com.acme.exports

import java.nio.file.{Files, Path, Paths}

import scala.concurrent.ExecutionContext
import scala.sys.process._
import scala.util.Try

import akka.actor.typed.ActorSystem
import akka.http.scaladsl.Http
import akka.http.scaladsl.model.{HttpRequest, StatusCodes}
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route
import akka.util.ByteString

class ExportRoutes(baseDir: Path)(implicit system: ActorSystem[_]) {

  private implicit val ec: ExecutionContext = system.executionContext
  private val root: Path = baseDir.toAbsolutePath.normalize()

  val routes: Route =
    pathPrefix("exports") {
      concat(
        path("download") {
          parameter("file") { file =>
            getFromFile(s"$root/$file") // vuln: CWE-22
          }
        },
        path("view") {
          parameter("file") { file =>
            val target = root.resolve(file).normalize()
            if (!target.startsWith(root) || !Files.isRegularFile(target))
              complete(StatusCodes.NotFound)
            else
              getFromFile(target.toFile) // safe: CWE-22
          }
        },
        path("usage") {
          parameter("dir".withDefault(".")) { dir =>
            val out = Seq("sh", "-c", s"du -sh $root/$dir | cut -f1").!!.trim // vuln: CWE-78
            complete(s"""{"dir":"$dir","size":"$out"}""")
          }
        },
        path("usage" / LongNumber) { jobId =>
          val jobDir = root.resolve(s"job-$jobId")
          val out = Try(Seq("du", "-sh", jobDir.toString).!!).map(_.split('\t').head).getOrElse("0") // safe: CWE-78
          complete(s"""{"job":$jobId,"size":"$out"}""")
        },
        path("mirror") {
          post {
            formFields("source", "name") { (source, name) =>
              val safeName = name.filter(c => c.isLetterOrDigit || c == '-')
              val saved = for {
                resp  <- Http().singleRequest(HttpRequest(uri = source)) // vuln: CWE-918
                bytes <- resp.entity.dataBytes.runFold(ByteString.empty)(_ ++ _)
              } yield Files.write(root.resolve(s"mirror-$safeName.csv"), bytes.toArray)
              onSuccess(saved) { path =>
                complete(StatusCodes.Created, s"""{"stored":"${path.getFileName}"}""")
              }
            }
          }
        }
      )
    }
}

object ExportServer {
  def main(args: Array[String]): Unit = {
    implicit val system: ActorSystem[Nothing] = ActorSystem(akka.actor.typed.scaladsl.Behaviors.empty, "exports")
    val routes = new ExportRoutes(Paths.get(sys.env.getOrElse("EXPORT_DIR", "/srv/exports"))).routes
    Http().newServerAt("0.0.0.0", 8080).bind(routes)
  }
}
