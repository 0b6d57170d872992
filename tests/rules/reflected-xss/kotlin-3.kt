// bastion-fixture: src/main/kotlin/web/Greeting.kt
// Javalin: a query parameter written into an HTML answer.
package web

import io.javalin.Javalin

fun greetings(app: Javalin) {
    app.get("/hello") { ctx ->
        val name = ctx.queryParam("name") ?: "there"
// expect: reflected-xss
        ctx.html("<h1>Hello, $name</h1>")
    }
}
