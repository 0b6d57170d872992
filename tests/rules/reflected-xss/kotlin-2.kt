// bastion-fixture: src/main/kotlin/app/TagRoutes.kt
// A page assembled with `buildString`: the route parameter appended unescaped.
package app

import io.ktor.http.ContentType
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.response.respondText
import io.ktor.server.routing.get
import io.ktor.server.routing.routing

fun Application.tagRoutes(titles: List<String>) {
    routing {
        get("/tags/{tag}") {
            val tag = call.parameters["tag"].orEmpty()
            val html = buildString {
                append("<html><body><h1>Notes tagged $tag</h1><ul>")
                titles.forEach { append("<li>").append(it.replace("<", "&lt;")).append("</li>") }
                append("</ul></body></html>")
            }
// expect: reflected-xss
            call.respondText(html, ContentType.Text.Html)
        }
    }
}
