// bastion-fixture: src/main/kotlin/app/NoteQueries.kt
// ok: nosql-injection
// Typed KMongo filters bind the values; a JSON filter of constant text has nothing spliced.
package app

import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.response.respond
import io.ktor.server.routing.get
import io.ktor.server.routing.routing
import org.litote.kmongo.and
import org.litote.kmongo.coroutine.CoroutineCollection
import org.litote.kmongo.eq

data class Note(val owner: String, val tag: String, val title: String)

class NoteQueries(private val notes: CoroutineCollection<Note>) {
    suspend fun byTag(owner: String, tag: String): List<Note> =
        notes.find(and(Note::owner eq owner, Note::tag eq tag)).toList()

    suspend fun pinned(): List<Note> = notes.find("{ pinned: true }").toList()
}

fun Application.noteQueryRoutes(queries: NoteQueries) {
    routing {
        get("/notes/{tag}") {
            val tag = call.parameters["tag"].orEmpty()
            call.respond(queries.byTag("me", tag) + queries.pinned())
        }
    }
}
