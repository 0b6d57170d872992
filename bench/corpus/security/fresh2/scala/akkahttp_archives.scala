package com.acme.archive.http

import java.io.File
import java.nio.file.{Files, Path}
import java.util.UUID

import scala.concurrent.ExecutionContext
import scala.sys.process._

import akka.actor.typed.ActorSystem
import akka.http.scaladsl.model.{ContentTypes, HttpEntity, StatusCodes}
import akka.http.scaladsl.server.Directives._
import akka.http.scaladsl.server.Route
import org.slf4j.LoggerFactory

final class ArchiveRoutes(storageRoot: Path)(implicit system: ActorSystem[_]) {

  private implicit val ec: ExecutionContext = system.executionContext
  private val log = LoggerFactory.getLogger(getClass)
  private val root: Path = storageRoot.toAbsolutePath.normalize()

  private def safeResolve(rel: String): Option[Path] = {
    val candidate = root.resolve(rel).normalize()
    if (candidate.startsWith(root) && Files.isRegularFile(candidate)) Some(candidate) else None
  }

  private def extract(zip: File, password: Option[String]): (Int, Path) = {
    val dest = Files.createDirectories(root.resolve("extracted").resolve(UUID.randomUUID().toString))
    val pw = password.map(p => s"-P $p ").getOrElse("")
    val exit = Seq("bash", "-c", s"unzip -o -q $pw${zip.getPath} -d $dest").! // vuln: CWE-78
    (exit, dest)
  }

  val routes: Route = pathPrefix("archives") {
    concat(
      (post & path("upload")) {
        parameter("password".optional) { password =>
          storeUploadedFile("archive", _ => new File(s"/tmp/upload-${System.currentTimeMillis()}.zip")) { (info, tmp) => // vuln: CWE-377
            val (exit, dest) = extract(tmp, password)
            tmp.delete()
            if (exit == 0) {
              log.info("extracted {} into {}", info.fileName, dest)
              complete(StatusCodes.Created, dest.getFileName.toString)
            } else {
              complete(StatusCodes.UnprocessableEntity, s"unzip exited with $exit")
            }
          }
        }
      },
      (get & path("listing" / Segment)) { name =>
        safeResolve(s"incoming/$name") match {
          case Some(zip) =>
            val listing = Seq("unzip", "-l", zip.toString).!! // safe: CWE-78
            complete(HttpEntity(ContentTypes.`text/plain(UTF-8)`, listing))
          case None => complete(StatusCodes.NotFound)
        }
      },
      (get & path("download")) {
        parameter("file") { file =>
          getFromFile(new File(root.toFile, file)) // vuln: CWE-22
        }
      },
      (get & path("files" / Remaining)) { rel =>
        safeResolve(rel) match {
          case Some(p) => getFromFile(p.toFile) // safe: CWE-22
          case None    => complete(StatusCodes.NotFound)
        }
      },
      (delete & path("extracted" / Segment)) { id =>
        val dir = root.resolve("extracted").resolve(UUID.fromString(id).toString)
        if (Files.isDirectory(dir)) {
          Seq("rm", "-rf", "--", dir.toString).!
          complete(StatusCodes.NoContent)
        } else complete(StatusCodes.NotFound)
      }
    )
  }
}
