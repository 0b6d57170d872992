// bastion-fixture: src/main/kotlin/app/NoteStore.kt
// KMongo parses a filter written as JSON text: a tag like `x', $where: 'sleep(5000)` adds
// operators of its own.
package app

import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.response.respond
import io.ktor.server.routing.get
import io.ktor.server.routing.routing
import org.litote.kmongo.coroutine.CoroutineCollection

data class Note(val owner: String, val tag: String, val title: String)

class NoteStore(private val notes: CoroutineCollection<Note>) {
    suspend fun byTagRaw(owner: String, tag: String): List<Note> =
// expect: nosql-injection
        notes.find("{ owner: '$owner', tag: '$tag' }").toList()
}

fun Application.noteRoutes(store: NoteStore) {
    routing {
        get("/notes/tag/{tag}") {
            val tag = call.parameters["tag"].orEmpty()
            call.respond(store.byTagRaw("me", tag))
        }
    }
}
