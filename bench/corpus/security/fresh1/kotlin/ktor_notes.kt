package com.acme.notes

import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.content.PartData
import io.ktor.http.content.forEachPart
import io.ktor.server.application.Application
import io.ktor.server.application.application
import io.ktor.server.application.call
import io.ktor.server.application.log
import io.ktor.server.auth.authenticate
import io.ktor.server.auth.jwt.JWTPrincipal
import io.ktor.server.auth.principal
import io.ktor.server.request.receiveMultipart
import io.ktor.server.response.respond
import io.ktor.server.response.respondText
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.routing
import org.jetbrains.exposed.dao.id.LongIdTable
import org.jetbrains.exposed.sql.and
import org.jetbrains.exposed.sql.selectAll
import org.jetbrains.exposed.sql.transactions.TransactionManager
import org.jetbrains.exposed.sql.transactions.transaction
import java.io.File
import java.util.UUID

object Notes : LongIdTable("notes") {
    val ownerId = varchar("owner_id", 64)
    val title = varchar("title", 200)
    val body = text("body")
}

data class NoteSummary(val id: Long, val title: String)

private val attachmentsDir = File("/var/lib/notes/attachments")
private val avatarDir = File("/var/lib/notes/avatars")
private val imageTypes = mapOf("image/png" to "png", "image/jpeg" to "jpg", "image/webp" to "webp")

private fun escapeHtml(s: String): String = buildString(s.length) {
    for (c in s) when (c) {
        '<' -> append("&lt;")
        '>' -> append("&gt;")
        '&' -> append("&amp;")
        '"' -> append("&quot;")
        '\'' -> append("&#39;")
        else -> append(c)
    }
}

private fun searchNotesRaw(owner: String, term: String): List<NoteSummary> = transaction {
    val results = mutableListOf<NoteSummary>()
    val sql = "SELECT id, title FROM notes WHERE owner_id = '$owner' AND body ILIKE '%$term%' ORDER BY id DESC"
    TransactionManager.current().exec(sql) { rs -> // vuln: CWE-89
        while (rs.next()) results += NoteSummary(rs.getLong("id"), rs.getString("title"))
    }
    results
}

private fun searchTitles(owner: String, term: String): List<NoteSummary> = transaction {
    Notes.selectAll().where { (Notes.ownerId eq owner) and (Notes.title like "%$term%") } // safe: CWE-89
        .map { NoteSummary(it[Notes.id].value, it[Notes.title]) }
}

fun Application.noteRoutes() {
    routing {
        authenticate("session") {
            get("/notes/search") {
                val owner = call.principal<JWTPrincipal>()!!.subject!!
                val q = call.request.queryParameters["q"].orEmpty()
                val hits = if (call.request.queryParameters["scope"] == "body") searchNotesRaw(owner, q) else searchTitles(owner, q)
                if (hits.isEmpty()) {
                    call.respondText("<p>No notes match <em>$q</em>.</p>", ContentType.Text.Html) // vuln: CWE-79
                    return@get
                }
                val items = hits.joinToString("") { "<li><a href=\"/notes/${it.id}\">${escapeHtml(it.title)}</a></li>" }
                call.respondText("<ul class=\"results\">$items</ul>", ContentType.Text.Html) // safe: CWE-79
            }

            post("/notes/{id}/attachments") {
                val noteId = call.parameters["id"]?.toLongOrNull() ?: return@post call.respond(HttpStatusCode.BadRequest)
                val saved = mutableListOf<String>()
                call.receiveMultipart().forEachPart { part ->
                    if (part is PartData.FileItem) {
                        val original = part.originalFileName ?: "attachment.bin"
                        val target = File(attachmentsDir, "$noteId/$original")
                        target.parentFile.mkdirs()
                        part.streamProvider().use { input -> target.outputStream().use { input.copyTo(it) } } // vuln: CWE-22
                        saved += original
                    }
                    part.dispose()
                }
                call.respond(HttpStatusCode.Created, saved)
            }

            post("/profile/avatar") {
                val owner = call.principal<JWTPrincipal>()!!.subject!!
                var stored: String? = null
                call.receiveMultipart().forEachPart { part ->
                    if (part is PartData.FileItem && stored == null) {
                        val ext = imageTypes[part.contentType?.toString()] ?: "bin"
                        val name = "${UUID.randomUUID()}.$ext"
                        val target = File(avatarDir, name)
                        part.streamProvider().use { input -> target.outputStream().use { input.copyTo(it) } } // safe: CWE-22
                        stored = name
                        application.log.info("avatar for $owner stored as $name")
                    }
                    part.dispose()
                }
                if (stored == null) call.respond(HttpStatusCode.BadRequest) else call.respond(HttpStatusCode.Created, mapOf("avatar" to stored))
            }
        }
    }
}
