// bastion-fixture: src/main/kotlin/com/acme/Digests.kt
// ok: sql-injection
package com.acme

import io.ktor.server.application.*
import io.ktor.server.response.*
import io.ktor.server.routing.*
import java.security.MessageDigest

fun Route.digests() {
    get("/digest") {
        val text = call.request.queryParameters["text"] ?: ""
        call.respondText(digestOf(text))
    }
}

// `update` here feeds bytes to a hash, not SQL to a database.
fun digestOf(text: String): String {
    val md = MessageDigest.getInstance("SHA-256")
    md.update(text.toByteArray())
    return md.digest().joinToString("") { "%02x".format(it) }
}
