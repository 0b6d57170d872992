// bastion-fixture: src/main/kotlin/web/Greeting.kt
// Javalin: the parameter is escaped before it is written into the page.
package web

import io.javalin.Javalin
import org.owasp.encoder.Encode

fun greetings(app: Javalin) {
    app.get("/hello") { ctx ->
        val name = Encode.forHtml(ctx.queryParam("name") ?: "there")
// ok: reflected-xss
        ctx.html("<h1>Hello, $name</h1>")
    }
}
