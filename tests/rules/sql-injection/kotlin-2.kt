// bastion-fixture: src/main/kotlin/com/acme/Visits.kt
package com.acme

import io.ktor.server.application.*
import io.ktor.server.routing.*

fun Route.visits(db: Database) {
    post("/seen") {
        val name = call.request.queryParameters["name"]
// expect: sql-injection
        db.update("UPDATE users SET seen = now() WHERE name = '$name'")
    }
}
