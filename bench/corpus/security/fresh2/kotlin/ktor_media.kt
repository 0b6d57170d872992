package com.acme.media.upload

import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.content.PartData
import io.ktor.http.content.forEachPart
import io.ktor.http.content.streamProvider
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.request.receiveMultipart
import io.ktor.server.request.receiveParameters
import io.ktor.server.response.respond
import io.ktor.server.response.respondFile
import io.ktor.server.response.respondText
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.routing
import java.io.File
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit
import org.slf4j.LoggerFactory

private val log = LoggerFactory.getLogger("media")

class MediaStore(root: File) {
    private val rootCanonical: File = root.canonicalFile

    fun resolveForRead(relative: String): File? {
        val candidate = File(rootCanonical, relative).canonicalFile
        val inside = candidate.path.startsWith(rootCanonical.path + File.separator)
        return if (inside && candidate.isFile) candidate else null
    }

    fun albumDir(album: String): File = File(rootCanonical, album).apply { mkdirs() }
}

fun Application.mediaRoutes(store: MediaStore) {
    routing {
        post("/media/{album}/upload") {
            val album = call.parameters["album"] ?: return@post call.respond(HttpStatusCode.BadRequest)
            val albumDir = store.albumDir(album)
            val saved = mutableListOf<String>()
            call.receiveMultipart().forEachPart { part ->
                if (part is PartData.FileItem) {
                    val originalName = part.originalFileName ?: "upload.bin"
                    val bytes = part.streamProvider().use { it.readBytes() }
                    val target = File(albumDir, originalName).also { it.writeBytes(bytes) } // vuln: CWE-22
                    // nginx and the thumbnail worker run under different users
                    Files.setPosixPermissions(target.toPath(), PosixFilePermissions.fromString("rw-rw-rw-")) // vuln: CWE-732
                    saved += "$album/$originalName"
                }
                part.dispose()
            }
            log.info("stored {} files in album {}", saved.size, album)
            call.respond(mapOf("saved" to saved))
        }

        get("/media/files/{path...}") {
            val rel = call.parameters.getAll("path").orEmpty().joinToString("/")
            val file = store.resolveForRead(rel) ?: return@get call.respond(HttpStatusCode.NotFound)
            call.respondFile(file) // safe: CWE-22
        }

        get("/media/{album}/{name}/probe") {
            val src = store.resolveForRead("${call.parameters["album"]}/${call.parameters["name"]}")
                ?: return@get call.respond(HttpStatusCode.NotFound)
            val proc = ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", src.path).redirectErrorStream(true).start() // safe: CWE-78
            val json = proc.inputStream.bufferedReader().use { it.readText() }
            proc.waitFor(15, TimeUnit.SECONDS)
            call.respondText(json, ContentType.Application.Json)
        }

        post("/media/{album}/{name}/thumbnail") {
            val params = call.receiveParameters()
            val at = params["at"] ?: "00:00:01"
            val size = params["size"] ?: "320x180"
            val src = store.resolveForRead("${call.parameters["album"]}/${call.parameters["name"]}")
                ?: return@post call.respond(HttpStatusCode.NotFound)
            val thumb = File(src.parentFile, src.nameWithoutExtension + "_thumb.jpg")
            val proc = Runtime.getRuntime().exec(arrayOf("sh", "-c", "ffmpeg -y -ss $at -i '${src.path}' -vframes 1 -s $size '${thumb.path}'")) // vuln: CWE-78
            if (!proc.waitFor(30, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                proc.destroyForcibly()
                return@post call.respond(HttpStatusCode.UnprocessableEntity, "thumbnail failed")
            }
            call.respondFile(thumb)
        }
    }
}
