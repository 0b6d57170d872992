package com.acme.docs

import freemarker.template.Configuration
import freemarker.template.Template
import freemarker.template.TemplateExceptionHandler
import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.annotation.Body
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.annotation.PathVariable
import io.micronaut.http.annotation.Post
import io.micronaut.http.annotation.Produces
import io.micronaut.http.annotation.QueryValue
import io.micronaut.serde.annotation.Serdeable
import jakarta.inject.Singleton
import okhttp3.OkHttpClient
import okhttp3.Request
import java.io.File
import java.io.StringReader
import java.io.StringWriter
import java.util.concurrent.TimeUnit

@Serdeable
data class LetterRequest(val customerId: Long, val subject: String, val template: String)

@Serdeable
data class PreviewRequest(val customerName: String, val amount: String)

@Singleton
class DocumentRenderer {
    private val cfg = Configuration(Configuration.VERSION_2_3_32).apply {
        setClassForTemplateLoading(DocumentRenderer::class.java, "/templates")
        defaultEncoding = "UTF-8"
        templateExceptionHandler = TemplateExceptionHandler.RETHROW_HANDLER
    }

    fun renderCustom(source: String, model: Map<String, Any>): String {
        val out = StringWriter()
        Template("custom-letter", StringReader(source), cfg).process(model, out) // vuln: CWE-1336
        return out.toString()
    }

    fun renderStandard(name: String, model: Map<String, Any>): String {
        val out = StringWriter()
        cfg.getTemplate("$name.ftlh").process(model, out) // safe: CWE-1336
        return out.toString()
    }
}

@Singleton
class ArchiveClient {
    // the archive appliance sits on the internal network with an IP-only certificate
    private val client = OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .hostnameVerifier { _, _ -> true } // vuln: CWE-295
        .build()

    fun exists(docId: String): Boolean {
        val req = Request.Builder().url("https://10.20.0.15/archive/docs/$docId").head().build()
        client.newCall(req).execute().use { return it.isSuccessful }
    }
}

@Controller("/documents")
class DocumentController(private val renderer: DocumentRenderer, private val archive: ArchiveClient) {

    private val spool = File("/var/spool/docs")
    private val paperSizes = setOf("a4", "letter", "legal")

    @Post("/letters")
    @Produces(MediaType.TEXT_HTML)
    fun letter(@Body req: LetterRequest): String =
        renderer.renderCustom(req.template, mapOf("customerId" to req.customerId, "subject" to req.subject))

    @Post("/preview/{kind}")
    @Produces(MediaType.TEXT_HTML)
    fun preview(@PathVariable kind: String, @Body req: PreviewRequest): HttpResponse<String> {
        val name = when (kind) {
            "invoice" -> "invoice"
            "reminder" -> "payment-reminder"
            else -> return HttpResponse.notFound()
        }
        return HttpResponse.ok(renderer.renderStandard(name, mapOf("name" to req.customerName, "amount" to req.amount)))
    }

    @Get("/{id}/pdf")
    fun toPdf(@PathVariable id: Long, @QueryValue(defaultValue = "a4") paper: String): HttpResponse<Any> {
        val size = if (paper in paperSizes) paper else "a4"
        val html = File(spool, "$id.html")
        val pdf = File(spool, "$id.pdf")
        val proc = ProcessBuilder("wkhtmltopdf", "--page-size", size, html.path, pdf.path).start() // safe: CWE-78
        if (!proc.waitFor(30, TimeUnit.SECONDS)) proc.destroyForcibly()
        return HttpResponse.ok(pdf.readBytes())
    }

    @Post("/{id}/watermark")
    fun watermark(@PathVariable id: Long, @QueryValue text: String): HttpResponse<Any> {
        val pdf = File(spool, "$id.pdf")
        val cmd = "qpdf --overlay /opt/docs/stamps/base.pdf -- ${pdf.path} - | pdfwatermark --text '$text' > ${pdf.path}.tmp"
        val proc = ProcessBuilder("bash", "-c", cmd).redirectErrorStream(true).start() // vuln: CWE-78
        val exit = proc.waitFor()
        if (exit != 0) return HttpResponse.serverError()
        File("${pdf.path}.tmp").renameTo(pdf)
        return HttpResponse.noContent()
    }

    @Get("/{id}/archived")
    fun archived(@PathVariable id: Long): Map<String, Boolean> = mapOf("archived" to archive.exists(id.toString()))
}
