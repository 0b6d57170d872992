// bastion-fixture: src/main/kotlin/catalog/CatalogHandler.kt
// A WebFlux functional handler: a query parameter spliced into a Mongo JSON filter.
package catalog

import org.springframework.data.mongodb.core.ReactiveMongoTemplate
import org.springframework.data.mongodb.core.query.BasicQuery
import org.springframework.web.reactive.function.server.ServerRequest
import org.springframework.web.reactive.function.server.ServerResponse
import reactor.core.publisher.Mono

class CatalogHandler(private val mongo: ReactiveMongoTemplate) {
    fun byBrand(req: ServerRequest): Mono<ServerResponse> {
        val brand = req.queryParam("brand").orElse("")
// expect: nosql-injection
        val results = mongo.find(BasicQuery("{ 'brand': '$brand', 'active': true }"), Product::class.java)
        return ServerResponse.ok().body(results, Product::class.java)
    }
}
