// bastion-fixture: src/main/kotlin/promo/PromoHandler.kt
// A WebFlux handler compiles the posted body as a FreeMarker template.
package promo

import freemarker.template.Configuration
import freemarker.template.Template
import java.io.StringReader
import java.io.StringWriter
import org.springframework.web.reactive.function.server.ServerRequest
import org.springframework.web.reactive.function.server.ServerResponse
import reactor.core.publisher.Mono

data class PromoRequest(val headline: String, val body: String)

class PromoHandler(private val freemarker: Configuration) {
    fun preview(req: ServerRequest): Mono<ServerResponse> =
        req.bodyToMono(PromoRequest::class.java).flatMap { promo ->
// expect: template-injection
            val template = Template("preview", StringReader(promo.body), freemarker)
            val out = StringWriter()
            template.process(mapOf("headline" to promo.headline), out)
            ServerResponse.ok().bodyValue(out.toString())
        }
}
