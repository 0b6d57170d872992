package com.acme.community.routes

import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.call
import io.ktor.server.request.receiveParameters
import io.ktor.server.response.respondRedirect
import io.ktor.server.response.respondText
import io.ktor.server.routing.Route
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.route
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import kotlinx.html.body
import kotlinx.html.h1
import kotlinx.html.p
import kotlinx.html.stream.createHTML
import javax.sql.DataSource

data class Member(val id: Long, val handle: String, val bio: String)

class MemberRepository(private val ds: DataSource) {

    suspend fun findById(id: Long): Member? = withContext(Dispatchers.IO) {
        ds.connection.use { conn ->
            conn.prepareStatement("SELECT id, handle, bio FROM members WHERE id = ?").use { st ->
                st.setLong(1, id)
                st.executeQuery().use { rs -> // safe: CWE-89
                    if (rs.next()) Member(rs.getLong(1), rs.getString(2), rs.getString(3)) else null
                }
            }
        }
    }

    suspend fun searchByHandle(prefix: String, orderBy: String): List<Member> = withContext(Dispatchers.IO) {
        val sql = "SELECT id, handle, bio FROM members WHERE handle LIKE '$prefix%' ORDER BY $orderBy"
        ds.connection.use { conn ->
            conn.createStatement().use { st ->
                st.executeQuery(sql).use { rs -> // vuln: CWE-89
                    buildList { while (rs.next()) add(Member(rs.getLong(1), rs.getString(2), rs.getString(3))) }
                }
            }
        }
    }
}

fun Route.memberRoutes(repo: MemberRepository) {
    route("/members") {
        get("/{id}") {
            val id = call.parameters["id"]?.toLongOrNull()
                ?: return@get call.respondText("bad id", status = HttpStatusCode.BadRequest)
            val member = repo.findById(id) ?: return@get call.respondText("not found", status = HttpStatusCode.NotFound)
            val page = createHTML().body {
                h1 { +member.handle }
                p { +member.bio }
            }
            call.respondText(page, ContentType.Text.Html) // safe: CWE-79
        }

        get("/search") {
            val q = call.request.queryParameters["q"].orEmpty()
            val sort = call.request.queryParameters["sort"] ?: "handle"
            val rows = repo.searchByHandle(q, sort)
            val items = rows.joinToString("") { "<li>${it.handle}</li>" }
            call.respondText("<h2>Results for $q</h2><ul>$items</ul>", ContentType.Text.Html) // vuln: CWE-79
        }

        post("/login") {
            val form = call.receiveParameters()
            val next = form["next"] ?: "/members"
            call.respondRedirect(next) // vuln: CWE-601
        }
    }
}
