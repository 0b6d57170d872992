package com.acme.media.http

import java.nio.file.attribute.PosixFilePermissions
import java.nio.file.{Files, Path, Paths}

import org.apache.pekko.http.scaladsl.model.StatusCodes
import org.apache.pekko.http.scaladsl.server.Directives._
import org.apache.pekko.http.scaladsl.server.Route

import scala.concurrent.{ExecutionContext, Future}
import scala.sys.process._

class MediaRoutes(root: Path)(implicit ec: ExecutionContext) {

  private val baseDir: Path = root.toAbsolutePath.normalize()
  private val safeName = "^[A-Za-z0-9._-]{1,64}$".r

  private def transcode(input: String, preset: String): Future[String] = Future {
    val cmd = s"ffmpeg -y -i ${baseDir.resolve(input)} -preset $preset /tmp/out.mp4"
    Seq("bash", "-c", cmd).!! // vuln: CWE-78
  }

  private def probe(name: String): Future[String] = Future {
    Seq("ffprobe", "-v", "quiet", "-show_format", baseDir.resolve(name).toString).!! // safe: CWE-78
  }

  val routes: Route =
    pathPrefix("media") {
      concat(
        path("download") {
          parameter("path") { rel =>
            getFromFile(baseDir.resolve(rel).toFile) // vuln: CWE-22
          }
        },
        path("preview") {
          parameter("file") { file =>
            val resolved = baseDir.resolve(file).normalize()
            if (resolved.startsWith(baseDir) && Files.isRegularFile(resolved))
              getFromFile(resolved.toFile) // safe: CWE-22
            else complete(StatusCodes.NotFound)
          }
        },
        path("transcode") {
          (post & parameters("input", "preset".withDefault("medium"))) { (input, preset) =>
            onSuccess(transcode(input, preset)) { out => complete(out) }
          }
        },
        path("probe" / Segment) { name =>
          safeName.findFirstIn(name) match {
            case Some(n) => onSuccess(probe(n)) { out => complete(out) }
            case None    => complete(StatusCodes.BadRequest)
          }
        },
        path("upload" / Segment) { name =>
          (post & extractDataBytes & validate(safeName.matches(name), "bad name")) { bytes =>
            extractMaterializer { implicit mat =>
              val target = baseDir.resolve("incoming").resolve(name)
              onSuccess(bytes.runFold(Array.emptyByteArray)(_ ++ _.toArray)) { data =>
                Files.write(target, data)
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxrwxrwx")) // vuln: CWE-732
                complete(StatusCodes.Created)
              }
            }
          }
        }
      )
    }
}
