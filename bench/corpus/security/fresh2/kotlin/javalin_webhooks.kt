package com.acme.notify.webhooks

import freemarker.template.Configuration
import freemarker.template.Template
import freemarker.template.TemplateExceptionHandler
import io.javalin.Javalin
import io.javalin.http.BadRequestResponse
import io.javalin.http.Context
import io.javalin.http.NotFoundResponse
import java.io.StringReader
import java.io.StringWriter
import java.security.cert.X509Certificate
import java.util.concurrent.TimeUnit
import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManager
import javax.net.ssl.X509TrustManager
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

data class PreviewRequest(val event: Map<String, Any?> = emptyMap(), val template: String? = null)

data class WebhookSubscription(val id: Long, val tenantId: String, val url: String, val selfSigned: Boolean)

class WebhookController(private val repo: SubscriptionRepository, private val billingBase: String) {

    private val jsonType = "application/json; charset=utf-8".toMediaType()

    private val freemarker = Configuration(Configuration.VERSION_2_3_32).apply {
        setClassForTemplateLoading(WebhookController::class.java, "/templates/webhooks")
        defaultEncoding = "UTF-8"
        templateExceptionHandler = TemplateExceptionHandler.RETHROW_HANDLER
    }

    private val client = OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(10, TimeUnit.SECONDS)
        .followRedirects(false)
        .build()

    // some customers still run their receivers with self-signed certificates
    private val lenientClient: OkHttpClient = run {
        val trustAll = object : X509TrustManager {
            override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String) {}
            override fun checkServerTrusted(chain: Array<X509Certificate>, authType: String) {}
            override fun getAcceptedIssuers(): Array<X509Certificate> = arrayOf()
        }
        val ssl = SSLContext.getInstance("TLS").apply { init(null, arrayOf<TrustManager>(trustAll), null) }
        client.newBuilder().sslSocketFactory(ssl.socketFactory, trustAll).hostnameVerifier { _, _ -> true }.build() // vuln: CWE-295
    }

    fun testPing(ctx: Context) {
        val target = ctx.formParam("url") ?: throw BadRequestResponse("url required")
        val payload = """{"type":"ping","tenant":"${ctx.attribute<String>("tenant")}"}"""
        client.newCall(Request.Builder().url(target).post(payload.toRequestBody(jsonType)).build()).execute().use { resp -> // vuln: CWE-918
            ctx.json(mapOf("status" to resp.code, "body" to resp.body?.string()?.take(2000)))
        }
    }

    fun invoiceStatus(ctx: Context) {
        val invoiceId = ctx.pathParam("invoiceId").toLongOrNull() ?: throw BadRequestResponse("invalid invoice id")
        client.newCall(Request.Builder().url("$billingBase/v1/invoices/$invoiceId/status").get().build()).execute().use { resp -> // safe: CWE-918
            if (resp.code == 404) throw NotFoundResponse()
            ctx.contentType("application/json").result(resp.body?.string().orEmpty())
        }
    }

    fun preview(ctx: Context) {
        val body = ctx.bodyAsClass(PreviewRequest::class.java)
        val model = mapOf("event" to body.event, "tenant" to ctx.attribute<String>("tenant"))
        val out = StringWriter()
        if (body.template.isNullOrBlank()) {
            freemarker.getTemplate("default_payload.ftl").process(model, out) // safe: CWE-1336
        } else {
            Template("custom-preview", StringReader(body.template), freemarker).process(model, out) // vuln: CWE-1336
        }
        ctx.contentType("application/json").result(out.toString())
    }

    fun redeliver(ctx: Context) {
        val sub = repo.find(ctx.pathParam("id").toLong()) ?: throw NotFoundResponse()
        val http = if (sub.selfSigned) lenientClient else client
        val payload = repo.lastPayload(sub.id) ?: """{"type":"ping"}"""
        http.newCall(Request.Builder().url(sub.url).post(payload.toRequestBody(jsonType)).build()).execute().use { resp ->
            repo.recordAttempt(sub.id, resp.code)
            ctx.json(mapOf("delivered" to resp.isSuccessful, "status" to resp.code))
        }
    }
}

fun main() {
    val controller = WebhookController(
        SubscriptionRepository.fromEnv(),
        System.getenv("BILLING_BASE_URL") ?: "https://billing.internal.acme.io",
    )
    Javalin.create { cfg -> cfg.http.defaultContentType = "application/json" }
        .before { ctx -> ctx.attribute("tenant", ctx.header("X-Tenant") ?: "public") }
        .post("/webhooks/test", controller::testPing)
        .post("/webhooks/preview", controller::preview)
        .post("/webhooks/{id}/redeliver", controller::redeliver)
        .get("/billing/invoices/{invoiceId}", controller::invoiceStatus)
        .start(7070)
}
