package com.acme.media

import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.request.get
import io.ktor.client.statement.readBytes
import io.ktor.http.HttpStatusCode
import io.ktor.http.content.PartData
import io.ktor.http.content.forEachPart
import io.ktor.http.content.streamProvider
import io.ktor.server.application.call
import io.ktor.server.request.receiveMultipart
import io.ktor.server.request.receiveParameters
import io.ktor.server.response.respond
import io.ktor.server.response.respondFile
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.route
import java.io.File
import java.net.URI
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions
import java.util.UUID

private val mediaRoot: File = File(System.getenv("MEDIA_ROOT") ?: "/srv/media").canonicalFile
private val stockHosts = setOf("images.unsplash.com", "cdn.acme-assets.net")
private val imageExtensions = setOf("jpg", "jpeg", "png", "webp")
private val http = HttpClient(CIO)

fun Route.mediaRoutes() {
    route("/media") {
        get("/raw") {
            val rel = call.request.queryParameters["path"]
            if (rel.isNullOrBlank()) {
                call.respond(HttpStatusCode.BadRequest, "path is required")
                return@get
            }
            call.respondFile(File(mediaRoot, rel)) // vuln: CWE-22
        }

        get("/thumb") {
            val rel = call.request.queryParameters["path"] ?: return@get call.respond(HttpStatusCode.BadRequest)
            val file = File(mediaRoot, "thumbs/$rel").canonicalFile
            if (!file.toPath().startsWith(mediaRoot.toPath()) || !file.isFile) {
                call.respond(HttpStatusCode.NotFound)
                return@get
            }
            call.respondFile(file) // safe: CWE-22
        }

        post("/import") {
            val form = call.receiveParameters()
            val source = form["url"] ?: return@post call.respond(HttpStatusCode.BadRequest)
            val album = form["album"] ?: "inbox"
            val bytes = http.get(source).readBytes() // vuln: CWE-918
            val saved = store(album, bytes, "jpg")
            call.respond(HttpStatusCode.Created, mapOf("id" to saved.nameWithoutExtension))
        }

        post("/import/stock") {
            val source = call.receiveParameters()["url"] ?: return@post call.respond(HttpStatusCode.BadRequest)
            val uri = runCatching { URI(source) }.getOrNull()
            if (uri == null || uri.scheme != "https" || uri.host !in stockHosts) {
                call.respond(HttpStatusCode.Forbidden, "unsupported image host")
                return@post
            }
            val bytes = http.get(uri.toString()).readBytes() // safe: CWE-918
            val saved = store("stock", bytes, "jpg")
            call.respond(HttpStatusCode.Created, mapOf("id" to saved.nameWithoutExtension))
        }

        post("/upload") {
            val ids = mutableListOf<String>()
            call.receiveMultipart().forEachPart { part ->
                if (part is PartData.FileItem) {
                    val ext = part.originalFileName?.substringAfterLast('.', "")?.lowercase()
                    if (ext != null && ext in imageExtensions) {
                        val bytes = part.streamProvider().use { it.readBytes() }
                        ids += store("uploads", bytes, ext).nameWithoutExtension
                    }
                }
                part.dispose()
            }
            call.respond(HttpStatusCode.Created, mapOf("ids" to ids))
        }
    }
}

private fun store(album: String, bytes: ByteArray, ext: String): File {
    val dir = File(mediaRoot, album.filter { it.isLetterOrDigit() }.ifEmpty { "inbox" })
    dir.mkdirs()
    val target = File(dir, "${UUID.randomUUID()}.$ext")
    target.writeBytes(bytes)
    // the thumbnailer runs under a different user and needs to rewrite the file
    Files.setPosixFilePermissions(target.toPath(), PosixFilePermissions.fromString("rw-rw-rw-")) // vuln: CWE-732
    return target
}
