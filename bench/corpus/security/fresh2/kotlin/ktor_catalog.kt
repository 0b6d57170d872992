package com.acme.shop.catalog

import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.auth.authenticate
import io.ktor.server.response.respond
import io.ktor.server.response.respondText
import io.ktor.server.routing.delete
import io.ktor.server.routing.get
import io.ktor.server.routing.route
import io.ktor.server.routing.routing
import io.ktor.util.escapeHTML
import java.sql.ResultSet
import javax.sql.DataSource
import kotlinx.serialization.Serializable

@Serializable
data class ProductDto(val id: Long, val sku: String, val name: String, val priceCents: Long, val category: String)

class CatalogRepository(private val ds: DataSource) {

    fun byCategory(category: String, limit: Int): List<ProductDto> = ds.connection.use { conn ->
        val sql = "SELECT id, sku, name, price_cents, category FROM products WHERE category = ? AND active ORDER BY name LIMIT ?"
        conn.prepareStatement(sql).use { ps -> // safe: CWE-89
            ps.setString(1, category)
            ps.setInt(2, limit)
            ps.executeQuery().use { rs -> rs.toProducts() }
        }
    }

    fun search(term: String, sort: String): List<ProductDto> = ds.connection.use { conn ->
        val sql = "SELECT id, sku, name, price_cents, category FROM products " +
            "WHERE active AND name ILIKE '%$term%' ORDER BY $sort LIMIT 100"
        conn.createStatement().use { st ->
            st.executeQuery(sql).use { rs -> rs.toProducts() } // vuln: CWE-89
        }
    }

    fun deleteDrafts(idList: String): Int = ds.connection.use { conn ->
        conn.createStatement().use { st ->
            st.executeUpdate("DELETE FROM products WHERE NOT active AND id IN ($idList)") // vuln: CWE-89
        }
    }

    private fun ResultSet.toProducts(): List<ProductDto> {
        val out = mutableListOf<ProductDto>()
        while (next()) {
            out += ProductDto(
                id = getLong("id"),
                sku = getString("sku"),
                name = getString("name"),
                priceCents = getLong("price_cents"),
                category = getString("category"),
            )
        }
        return out
    }
}

fun Application.catalogRoutes(repo: CatalogRepository) {
    routing {
        route("/catalog") {
            get("/search") {
                val q = call.request.queryParameters["q"].orEmpty()
                val sort = call.request.queryParameters["sort"] ?: "name"
                val results = repo.search(q, sort)
                if (results.isEmpty() && call.request.queryParameters["format"] == "html") {
                    call.respondText("<html><body><p>No products match <b>$q</b>.</p></body></html>", ContentType.Text.Html) // vuln: CWE-79
                    return@get
                }
                call.respond(results)
            }

            get("/categories/{name}/widget") {
                val name = call.parameters["name"] ?: return@get call.respond(HttpStatusCode.BadRequest)
                val limit = call.request.queryParameters["limit"]?.toIntOrNull()?.coerceIn(1, 50) ?: 12
                val items = repo.byCategory(name, limit)
                val html = buildString {
                    append("<ul class=\"widget\" data-category=\"").append(name.escapeHTML()).append("\">")
                    items.forEach { append("<li>").append(it.name.escapeHTML()).append("</li>") }
                    append("</ul>")
                }
                call.respondText(html, ContentType.Text.Html) // safe: CWE-79
            }

            authenticate("admin") {
                delete("/drafts") {
                    val ids = call.request.queryParameters["ids"] ?: return@delete call.respond(HttpStatusCode.BadRequest)
                    val removed = repo.deleteDrafts(ids)
                    call.respond(mapOf("removed" to removed))
                }
            }
        }
    }
}
