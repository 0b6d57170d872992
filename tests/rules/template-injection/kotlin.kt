// bastion-fixture: src/main/kotlin/app/documents/DocumentController.kt
// A letter template posted by the client is compiled by FreeMarker and run.
package app.documents

import freemarker.template.Configuration
import freemarker.template.Template
import io.micronaut.http.annotation.Body
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Post
import jakarta.inject.Singleton
import java.io.StringReader
import java.io.StringWriter

data class LetterRequest(val source: String, val customer: String)

@Singleton
class DocumentRenderer {
    private val cfg = Configuration(Configuration.VERSION_2_3_32)

    fun renderCustom(source: String, model: Map<String, Any>): String {
        val out = StringWriter()
// expect: template-injection
        Template("custom-letter", StringReader(source), cfg).process(model, out)
        return out.toString()
    }
}

@Controller("/documents")
class DocumentController(private val renderer: DocumentRenderer) {
    @Post("/letters/preview")
    fun preview(@Body body: LetterRequest): String =
        renderer.renderCustom(body.source, mapOf("customer" to body.customer))
}
