package com.acme.media.http

import java.nio.file.{Files, Path, Paths}
import java.util.UUID

import scala.concurrent.{ExecutionContext, Future}
import scala.sys.process._

import akka.actor.typed.ActorSystem
import akka.http.scaladsl.Http
import akka.http.scaladsl.model._
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route
import akka.util.ByteString
import org.slf4j.LoggerFactory

final class MediaRoutes(storageDir: Path)(implicit system: ActorSystem[_]) {
  private implicit val ec: ExecutionContext = system.executionContext
  private val log = LoggerFactory.getLogger(classOf[MediaRoutes])
  private val root: Path = storageDir.toAbsolutePath.normalize()
  private val outDir: Path = root.resolve("transcoded")

  private def transcodeCommand(input: String, preset: String): String = {
    val target = outDir.resolve(s"${UUID.randomUUID()}.mp4")
    s"ffmpeg -y -i ${root.resolve(input)} -c:v libx264 -preset $preset $target"
  }

  private def readAll(resp: HttpResponse): Future[ByteString] =
    resp.entity.dataBytes.runFold(ByteString.empty)(_ ++ _)

  val routes: Route =
    pathPrefix("media") {
      concat(
        (path("raw") & get) {
          parameter("name") { name =>
            val file = Paths.get(root.toString + "/" + name)
            if (!Files.exists(file)) complete(StatusCodes.NotFound)
            else complete(HttpEntity(ContentTypes.`application/octet-stream`, Files.readAllBytes(file))) // vuln: CWE-22
          }
        },
        (path("thumb") & get) {
          parameter("name") { name =>
            val resolved = root.resolve(name).normalize()
            if (!resolved.startsWith(root) || !Files.isRegularFile(resolved)) complete(StatusCodes.BadRequest)
            else complete(HttpEntity(ContentType(MediaTypes.`image/jpeg`), Files.readAllBytes(resolved))) // safe: CWE-22
          }
        },
        (path("transcode") & post) {
          formFields("file", "preset".withDefault("medium")) { (file, preset) =>
            val cmd = transcodeCommand(file, preset)
            log.info("starting transcode job")
            val exit = Seq("/bin/sh", "-c", cmd).! // vuln: CWE-78
            complete(if (exit == 0) StatusCodes.Accepted else StatusCodes.InternalServerError)
          }
        },
        (path("probe" / JavaUUID) & get) { id =>
          val target = root.resolve(s"$id.mp4").toString
          val output = Process(Seq("ffprobe", "-v", "error", "-show_format", "-of", "json", target)).!! // safe: CWE-78
          complete(HttpEntity(ContentTypes.`application/json`, output))
        },
        (path("import") & post) {
          parameter("source") { source =>
            val request = HttpRequest(method = HttpMethods.GET, uri = Uri(source))
            val fetched: Future[HttpResponse] = Http().singleRequest(request) // vuln: CWE-918
            onSuccess(fetched.flatMap(readAll)) { bytes =>
              val id = UUID.randomUUID()
              Files.write(root.resolve(s"$id.bin"), bytes.toArray)
              log.info(s"imported media $id (${bytes.length} bytes)")
              complete(StatusCodes.Created, id.toString)
            }
          }
        }
      )
    }
}
