// bastion-fixture: src/main/kotlin/reports/ReportRoutes.kt
// jOOQ's plain-SQL API with the sort column from the query string.
package reports

import io.ktor.server.application.*
import io.ktor.server.response.*
import io.ktor.server.routing.*
import org.jooq.DSLContext

fun Route.reportRoutes(dsl: DSLContext) {
    get("/reports") {
        val sort = call.request.queryParameters["sort"] ?: "id"
// expect: sql-injection
        val rows = dsl.fetch("select id, title from reports order by $sort")
        call.respondText(rows.formatJSON())
    }
}
