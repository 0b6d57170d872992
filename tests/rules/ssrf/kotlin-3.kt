// bastion-fixture: src/main/kotlin/com/acme/hooks/Routes.kt
package com.acme.hooks

val client = HttpClient(CIO)

fun Application.hookRoutes() {
    routing {
        post("/webhooks/test") {
            val req = call.receive<WebhookTest>()
// expect: ssrf
            val response = client.post(req.url) {
                setBody("""{"test":true}""")
            }
            call.respond(response.status.value)
        }
        get("/status") {
            val response = client.get("https://status.example.com/api")
            call.respond(response.status.value)
        }
    }
}
