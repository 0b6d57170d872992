package com.acme.catalog

import freemarker.template.Configuration
import freemarker.template.Template
import org.springframework.context.annotation.Bean
import org.springframework.data.mongodb.core.ReactiveMongoTemplate
import org.springframework.data.mongodb.core.query.BasicQuery
import org.springframework.data.mongodb.core.query.Criteria
import org.springframework.data.mongodb.core.query.Query
import org.springframework.http.MediaType
import org.springframework.stereotype.Component
import org.springframework.web.reactive.function.server.ServerRequest
import org.springframework.web.reactive.function.server.ServerResponse
import org.springframework.web.reactive.function.server.router
import reactor.core.publisher.Mono
import java.io.StringReader
import java.io.StringWriter

data class Product(val id: String, val sku: String, val name: String, val brand: String, val category: String, val priceCents: Long)

data class PromoRequest(val headline: String, val body: String, val productIds: List<String> = emptyList())

@Component
class CatalogHandler(
    private val mongo: ReactiveMongoTemplate,
    private val freemarker: Configuration,
) {
    fun byCategory(req: ServerRequest): Mono<ServerResponse> {
        val category = req.queryParam("category").orElse("all")
        val maxPrice = req.queryParam("maxPrice").map { it.toLong() }.orElse(Long.MAX_VALUE)
        val query = Query(Criteria.where("category").`is`(category).and("priceCents").lte(maxPrice))
        return ServerResponse.ok().body(mongo.find(query, Product::class.java), Product::class.java) // safe: CWE-943
    }

    fun byBrand(req: ServerRequest): Mono<ServerResponse> {
        val brand = req.queryParam("brand").orElse("")
        val filter = buildString {
            append("{ 'brand': '").append(brand).append("', ")
            append("'active': true }")
        }
        val results = mongo.find(BasicQuery(filter), Product::class.java) // vuln: CWE-943
        return ServerResponse.ok().body(results, Product::class.java)
    }

    fun previewPromo(req: ServerRequest): Mono<ServerResponse> =
        req.bodyToMono(PromoRequest::class.java).flatMap { promo ->
            val template = Template("promo-preview", StringReader(promo.body), freemarker) // vuln: CWE-1336
            val out = StringWriter()
            template.process(mapOf("headline" to promo.headline, "count" to promo.productIds.size), out)
            ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(out.toString())
        }

    fun renderBanner(req: ServerRequest): Mono<ServerResponse> =
        req.bodyToMono(PromoRequest::class.java).flatMap { promo ->
            val template = freemarker.getTemplate("banners/standard.ftlh")
            val out = StringWriter()
            template.process(mapOf("headline" to promo.headline, "body" to promo.body), out) // safe: CWE-1336
            ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(out.toString())
        }

    fun exportCsv(req: ServerRequest): Mono<ServerResponse> {
        val category = req.pathVariable("category")
        val label = req.queryParam("label").orElse(category)
        val rows = mongo.find(Query(Criteria.where("category").`is`(category)), Product::class.java)
            .map { "${it.sku},${it.name.replace(",", " ")},${it.priceCents}\n" }
        return ServerResponse.ok()
            .header("Content-Disposition", "attachment; filename=\"$label.csv\"") // vuln: CWE-113
            .contentType(MediaType.parseMediaType("text/csv"))
            .body(rows, String::class.java)
    }
}

@org.springframework.context.annotation.Configuration
class CatalogRoutes {
    @Bean
    fun catalogRouter(handler: CatalogHandler) = router {
        "/catalog".nest {
            GET("", handler::byCategory)
            GET("/brand", handler::byBrand)
            GET("/export/{category}", handler::exportCsv)
            POST("/promos/preview", handler::previewPromo)
            POST("/promos/banner", handler::renderBanner)
        }
    }
}
