// bastion-fixture: src/main/kotlin/com/acme/notes/NoteRoutes.kt
package com.acme.notes

import org.jetbrains.exposed.sql.transactions.TransactionManager

private fun searchRaw(term: String): Int {
    val sql = "SELECT id FROM notes WHERE body LIKE '%$term%'"
// expect: sql-injection
    TransactionManager.current().exec(sql)
    return 1
}

fun Application.noteRoutes() {
    routing {
        get("/notes/search") {
            val q = call.request.queryParameters["q"].orEmpty()
            call.respondText(searchRaw(q).toString())
        }
    }
}
