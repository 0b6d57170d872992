// bastion-fixture: src/main/kotlin/reports/ReportRoutes.kt
// jOOQ's plain-SQL API with the value bound through `?`.
package reports

import io.ktor.server.application.*
import io.ktor.server.response.*
import io.ktor.server.routing.*
import org.jooq.DSLContext

fun Route.reportRoutes(dsl: DSLContext) {
    get("/reports") {
        val owner = call.request.queryParameters["owner"] ?: ""
// ok: sql-injection
        val rows = dsl.fetch("select id, title from reports where owner = ?", owner)
        call.respondText(rows.formatJSON())
    }
}
