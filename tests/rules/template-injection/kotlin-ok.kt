// bastion-fixture: src/main/kotlin/app/documents/LetterController.kt
// ok: template-injection
// Templates come from the application's own folder; the request only fills the model.
package app.documents

import freemarker.template.Configuration
import io.micronaut.http.annotation.Body
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Post
import java.io.StringWriter

data class LetterData(val template: String, val customer: String)

@Controller("/letters")
class LetterController {
    private val cfg = Configuration(Configuration.VERSION_2_3_32).apply {
        setClassForTemplateLoading(LetterController::class.java, "/templates")
    }
    private val allowed = setOf("welcome", "reminder", "closure")

    @Post("/render")
    fun render(@Body body: LetterData): String {
        val name = if (body.template in allowed) body.template else "welcome"
        val out = StringWriter()
        cfg.getTemplate("$name.ftlh").process(mapOf("customer" to body.customer), out)
        return out.toString()
    }
}
