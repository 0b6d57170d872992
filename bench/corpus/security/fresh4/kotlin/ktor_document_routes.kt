package com.acme.docs

import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.call
import io.ktor.server.response.respond
import io.ktor.server.response.respondFile
import io.ktor.server.response.respondText
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.route
import org.apache.commons.text.StringEscapeUtils
import java.io.File
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

data class DocumentSummary(val id: Long, val title: String)

data class StoredDocument(val id: Long, val title: String, val rows: List<List<String>>) {
    fun toCsv(): String = rows.joinToString("\n") { row -> row.joinToString(",") { "\"" + it.replace("\"", "\"\"") + "\"" } }
}

interface DocumentRepository {
    fun search(q: String): List<DocumentSummary>
    fun find(id: Long): StoredDocument?
}

private val uploadRoot = File("/srv/docs/uploads")

fun Route.documentRoutes(repo: DocumentRepository) {
    route("/docs") {
        get("/files/{name}") {
            val name = call.parameters["name"] ?: return@get call.respond(HttpStatusCode.BadRequest)
            val folder = call.request.queryParameters["folder"] ?: "general"
            call.respondFile(File(uploadRoot, "$folder/$name")) // vuln: CWE-22
        }

        get("/v2/files/{name}") {
            val name = call.parameters["name"] ?: return@get call.respond(HttpStatusCode.BadRequest)
            val root = uploadRoot.canonicalFile
            val candidate = File(root, name).canonicalFile
            if (!candidate.toPath().startsWith(root.toPath()) || !candidate.isFile) {
                return@get call.respond(HttpStatusCode.NotFound)
            }
            call.respondFile(candidate) // safe: CWE-22
        }

        get("/search") {
            val q = call.request.queryParameters["q"].orEmpty()
            val items = repo.search(q).joinToString("") { "<li><a href=\"/docs/${it.id}\">${StringEscapeUtils.escapeHtml4(it.title)}</a></li>" }
            val page = buildString {
                append("<html><body>")
                append("<h1>Results for ").append(q).append("</h1>")
                append("<ul>").append(items).append("</ul>")
                append("</body></html>")
            }
            call.respondText(page, ContentType.Text.Html) // vuln: CWE-79
        }

        get("/preview") {
            val title = call.request.queryParameters["title"].orEmpty()
            val safeTitle = StringEscapeUtils.escapeHtml4(title)
            call.respondText("<html><head><title>$safeTitle</title></head><body><h1>$safeTitle</h1></body></html>", ContentType.Text.Html) // safe: CWE-79
        }

        post("/export/{id}") {
            val id = call.parameters["id"]?.toLongOrNull() ?: return@post call.respond(HttpStatusCode.BadRequest)
            val doc = repo.find(id) ?: return@post call.respond(HttpStatusCode.NotFound)
            val staging = File("/tmp/doc-export-$id.csv") // vuln: CWE-377
            staging.writeText(doc.toCsv())
            call.respondFile(staging)
        }

        post("/v2/export/{id}") {
            val id = call.parameters["id"]?.toLongOrNull() ?: return@post call.respond(HttpStatusCode.BadRequest)
            val doc = repo.find(id) ?: return@post call.respond(HttpStatusCode.NotFound)
            val ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            val staging = Files.createTempFile("doc-export-", ".csv", ownerOnly) // safe: CWE-377
            try {
                Files.writeString(staging, doc.toCsv())
                call.respondFile(staging.toFile())
            } finally {
                Files.deleteIfExists(staging)
            }
        }
    }
}
