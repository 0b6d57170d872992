package com.acme.analytics.reports

import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.annotation.Body
import io.micronaut.http.annotation.Controller
import io.micronaut.http.annotation.Get
import io.micronaut.http.annotation.PathVariable
import io.micronaut.http.annotation.Post
import io.micronaut.http.annotation.Produces
import io.micronaut.http.annotation.QueryValue
import jakarta.inject.Singleton
import org.slf4j.LoggerFactory
import org.w3c.dom.Document
import java.io.File
import java.util.concurrent.TimeUnit
import javax.xml.namespace.QName
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathConstants
import javax.xml.xpath.XPathFactory

data class ExportRequest(val reportId: Int, val format: String, val recipient: String)

@Singleton
class CatalogStore {
    val catalog: Document by lazy {
        val dbf = DocumentBuilderFactory.newInstance().apply {
            setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)
        }
        dbf.newDocumentBuilder().parse(File("/etc/analytics/catalog.xml"))
    }
}

@Controller("/reports")
class ReportController(private val store: CatalogStore) {

    private val log = LoggerFactory.getLogger(ReportController::class.java)
    private val formats = mapOf("pdf" to "--pdf", "csv" to "--csv", "xlsx" to "--xlsx")

    @Get("/catalog/owner")
    @Produces(MediaType.TEXT_PLAIN)
    fun ownerOf(@QueryValue name: String): String {
        val xpath = XPathFactory.newInstance().newXPath()
        return xpath.evaluate("/catalog/report[@name='$name']/owner/text()", store.catalog) // vuln: CWE-643
    }

    @Get("/catalog/{id}/title")
    @Produces(MediaType.TEXT_PLAIN)
    fun titleOf(@PathVariable id: String): String {
        val xpath = XPathFactory.newInstance().newXPath()
        xpath.setXPathVariableResolver { qn: QName -> if (qn.localPart == "rid") id else null }
        return xpath.evaluate("/catalog/report[@id=\$rid]/title/text()", store.catalog, XPathConstants.STRING) as String // safe: CWE-643
    }

    @Post("/export")
    fun export(@Body req: ExportRequest, @QueryValue("requestedBy") requester: String?): HttpResponse<String> {
        val flag = formats[req.format] ?: return HttpResponse.badRequest("unsupported format")
        log.info("export requested by {} for report {}", requester, req.reportId) // vuln: CWE-117
        val proc = ProcessBuilder("/opt/reports/bin/render", flag, req.reportId.toString()) // safe: CWE-78
            .redirectErrorStream(true)
            .start()
        proc.waitFor(60, TimeUnit.SECONDS)
        mail(req.recipient, "/var/reports/out/${req.reportId}")
        return HttpResponse.accepted()
    }

    private fun mail(recipient: String, attachment: String) {
        val command = "mailx -s 'Your report' -a $attachment $recipient < /dev/null"
        Runtime.getRuntime().exec(arrayOf("sh", "-c", command)).waitFor() // vuln: CWE-78
    }
}
