package io.ledgerly.media

import java.io.File
import java.net.URI
import java.nio.file.{Files, Path, Paths}
import java.util.UUID

import scala.concurrent.{ExecutionContext, Future}
import scala.concurrent.duration._
import scala.sys.process._

import akka.actor.typed.ActorSystem
import akka.http.scaladsl.Http
import akka.http.scaladsl.model.{HttpRequest, StatusCodes}
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route
import akka.http.scaladsl.server.directives.FileInfo
import akka.util.ByteString
import com.typesafe.config.Config

class MediaRoutes(config: Config)(implicit system: ActorSystem[_]) {
  private implicit val ec: ExecutionContext = system.executionContext

  private val uploadDir: Path = Paths.get(config.getString("media.upload-dir"))
  private val trustedImageHosts = Set("cdn.ledgerly.io", "images.ledgerly.io")

  private def receiptDestination(info: FileInfo): File =
    uploadDir.resolve("receipts").resolve(info.fileName).toFile // vuln: CWE-22

  private def fetchBytes(url: String): Future[ByteString] =
    Http()
      .singleRequest(HttpRequest(uri = url)) // vuln: CWE-918
      .flatMap(_.entity.toStrict(10.seconds))
      .map(_.data)

  private def isTrustedImage(url: String): Boolean = {
    val uri = URI.create(url)
    uri.getScheme == "https" && trustedImageHosts.contains(uri.getHost)
  }

  private def extractFrame(video: Path, offset: String): String = {
    val out = uploadDir.resolve("frames").resolve(s"${UUID.randomUUID()}.jpg")
    Seq("sh", "-c", s"ffmpeg -y -ss $offset -i ${video.toString} -frames:v 1 ${out.toString}").!! // vuln: CWE-78
    out.getFileName.toString
  }

  private def probeDuration(video: Path): String =
    Seq("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", video.toString).!!.trim // safe: CWE-78

  val routes: Route =
    pathPrefix("media") {
      concat(
        path("receipts") {
          post {
            storeUploadedFile("receipt", receiptDestination) { case (info, file) =>
              complete(StatusCodes.Created -> s"stored ${file.getName} (${info.contentType})")
            }
          }
        },
        path("avatars" / "import") {
          post {
            formField("url") { url =>
              onSuccess(fetchBytes(url)) { bytes =>
                val target = uploadDir.resolve("avatars").resolve(s"${UUID.randomUUID()}.png")
                Files.write(target, bytes.toArray)
                complete(StatusCodes.Created -> target.getFileName.toString)
              }
            }
          }
        },
        path("thumbnails") {
          post {
            formFields("sourceUrl", "width".as[Int]) { (sourceUrl, width) =>
              if (!isTrustedImage(sourceUrl)) complete(StatusCodes.BadRequest -> "untrusted host")
              else {
                val response = Http().singleRequest(HttpRequest(uri = sourceUrl)) // safe: CWE-918
                onSuccess(response) { resp =>
                  resp.discardEntityBytes()
                  complete(StatusCodes.Accepted -> s"thumbnail queued at ${width}px")
                }
              }
            }
          }
        },
        path("videos" / JavaUUID / "frame") { videoId =>
          get {
            parameter("at".withDefault("00:00:01")) { at =>
              val video = uploadDir.resolve("videos").resolve(s"$videoId.mp4")
              complete(extractFrame(video, at))
            }
          }
        },
        path("videos" / JavaUUID / "duration") { videoId =>
          get {
            val video = uploadDir.resolve("videos").resolve(s"$videoId.mp4")
            complete(probeDuration(video))
          }
        }
      )
    }
}
