// bastion-fixture: src/main/kotlin/app/MediaRoutes.kt
// ok: path-traversal
// The canonical file must stay under the media root before it is sent.
package app

import io.ktor.http.HttpStatusCode
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.response.respond
import io.ktor.server.response.respondFile
import io.ktor.server.routing.get
import io.ktor.server.routing.routing
import java.io.File

fun Application.mediaRoutes(mediaRoot: File) {
    routing {
        get("/thumb") {
            val rel = call.request.queryParameters["path"] ?: return@get call.respond(HttpStatusCode.BadRequest)
            val file = File(mediaRoot, "thumbs/$rel").canonicalFile
            if (!file.toPath().startsWith(mediaRoot.toPath()) || !file.isFile) {
                call.respond(HttpStatusCode.NotFound)
                return@get
            }
            call.respondFile(file)
        }
    }
}
