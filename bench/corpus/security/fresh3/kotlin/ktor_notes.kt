package com.acme.notes

import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.auth.authenticate
import io.ktor.server.auth.principal
import io.ktor.server.auth.UserIdPrincipal
import io.ktor.server.html.respondHtml
import io.ktor.server.request.receiveParameters
import io.ktor.server.response.respond
import io.ktor.server.response.respondRedirect
import io.ktor.server.response.respondText
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.routing
import kotlinx.html.body
import kotlinx.html.h1
import kotlinx.html.head
import kotlinx.html.li
import kotlinx.html.title
import kotlinx.html.ul
import org.bson.types.ObjectId
import org.litote.kmongo.and
import org.litote.kmongo.coroutine.CoroutineCollection
import org.litote.kmongo.eq

data class Note(
    val _id: ObjectId = ObjectId(),
    val owner: String,
    val tag: String,
    val title: String,
    val body: String,
)

class NoteStore(private val notes: CoroutineCollection<Note>) {

    suspend fun byTagRaw(owner: String, tag: String): List<Note> =
        notes.find("{ owner: '$owner', tag: '$tag' }").toList() // vuln: CWE-943

    suspend fun byTag(owner: String, tag: String): List<Note> =
        notes.find(and(Note::owner eq owner, Note::tag eq tag)).toList() // safe: CWE-943

    suspend fun add(note: Note) {
        notes.insertOne(note)
    }
}

fun Application.noteRoutes(store: NoteStore) {
    routing {
        authenticate("session") {
            get("/notes/legacy/tag/{tag}") {
                val owner = call.principal<UserIdPrincipal>()!!.name
                val tag = call.parameters["tag"].orEmpty()
                val items = store.byTagRaw(owner, tag)
                val html = buildString {
                    append("<html><body><h1>Notes tagged $tag</h1><ul>")
                    items.forEach { append("<li>").append(it.title.replace("<", "&lt;")).append("</li>") }
                    append("</ul></body></html>")
                }
                call.respondText(html, ContentType.Text.Html) // vuln: CWE-79
            }

            get("/notes/tag/{tag}") {
                val owner = call.principal<UserIdPrincipal>()!!.name
                val tag = call.parameters["tag"].orEmpty()
                val items = store.byTag(owner, tag)
                call.respondHtml {
                    head { title { +"Notes" } }
                    body {
                        h1 { +"Notes tagged $tag" } // safe: CWE-79
                        ul { items.forEach { li { +it.title } } }
                    }
                }
            }

            post("/notes") {
                val owner = call.principal<UserIdPrincipal>()!!.name
                val form = call.receiveParameters()
                val title = form["title"]?.takeIf { it.isNotBlank() }
                    ?: return@post call.respond(HttpStatusCode.BadRequest, "title required")
                store.add(Note(owner = owner, tag = form["tag"] ?: "misc", title = title, body = form["body"].orEmpty()))
                val next = form["next"] ?: "/notes/tag/${form["tag"] ?: "misc"}"
                call.respondRedirect(next) // vuln: CWE-601
            }
        }
    }
}
