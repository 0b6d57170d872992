package com.acme.partners

import io.javalin.Javalin
import io.javalin.http.Context
import io.javalin.http.HttpStatus
import okhttp3.CertificatePinner
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import java.security.SecureRandom
import java.security.cert.X509Certificate
import java.util.Base64
import java.util.concurrent.TimeUnit
import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec
import javax.net.ssl.SSLContext
import javax.net.ssl.X509TrustManager

private object TrustEverything : X509TrustManager {
    override fun checkClientTrusted(chain: Array<out X509Certificate>?, authType: String?) {}
    override fun checkServerTrusted(chain: Array<out X509Certificate>?, authType: String?) {}
    override fun getAcceptedIssuers(): Array<X509Certificate> = emptyArray()
}

class PartnerClients(pins: Map<String, String>) {
    val legacyInventory: OkHttpClient = run {
        val ctx = SSLContext.getInstance("TLS")
        ctx.init(null, arrayOf(TrustEverything), SecureRandom())
        OkHttpClient.Builder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .sslSocketFactory(ctx.socketFactory, TrustEverything).hostnameVerifier { _, _ -> true } // vuln: CWE-295
            .build()
    }

    val orders: OkHttpClient = OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .certificatePinner(CertificatePinner.Builder().apply { pins.forEach { (host, pin) -> add(host, pin) } }.build()) // safe: CWE-295
        .build()
}

class PayloadSealer(private val key: ByteArray) {
    private val random = SecureRandom()
    private val fixedNonce = Base64.getDecoder().decode("q1w2e3r4t5y6u7i8")

    fun sealForInventory(plain: ByteArray): ByteArray {
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeySpec(key, "AES"), GCMParameterSpec(128, fixedNonce)) // vuln: CWE-329
        return cipher.doFinal(plain)
    }

    fun sealForOrders(plain: ByteArray): ByteArray {
        val nonce = ByteArray(12).also { random.nextBytes(it) }
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeySpec(key, "AES"), GCMParameterSpec(128, nonce)) // safe: CWE-329
        return nonce + cipher.doFinal(plain)
    }
}

class PartnerSyncController(private val clients: PartnerClients, private val sealer: PayloadSealer) {
    private val octet = "application/octet-stream".toMediaType()

    fun syncInventory(ctx: Context) {
        val sealed = sealer.sealForInventory(ctx.bodyAsBytes())
        val request = Request.Builder()
            .url("https://inventory.legacy-partner.example/v1/sync")
            .post(sealed.toRequestBody(octet))
            .build()
        clients.legacyInventory.newCall(request).execute().use { resp ->
            ctx.status(if (resp.isSuccessful) HttpStatus.ACCEPTED else HttpStatus.BAD_GATEWAY)
        }
    }

    fun pushOrders(ctx: Context) {
        val sealed = sealer.sealForOrders(ctx.bodyAsBytes())
        val request = Request.Builder()
            .url("https://orders.partner.example/api/orders")
            .post(sealed.toRequestBody(octet))
            .build()
        clients.orders.newCall(request).execute().use { resp ->
            ctx.status(if (resp.isSuccessful) HttpStatus.ACCEPTED else HttpStatus.BAD_GATEWAY)
        }
    }
}

fun main() {
    val clients = PartnerClients(mapOf("orders.partner.example" to (System.getenv("ORDERS_PIN") ?: error("ORDERS_PIN not set"))))
    val sealer = PayloadSealer(Base64.getDecoder().decode(System.getenv("PARTNER_SEAL_KEY")))
    val controller = PartnerSyncController(clients, sealer)
    Javalin.create { cfg -> cfg.showJavalinBanner = false }
        .post("/partners/inventory/sync", controller::syncInventory)
        .post("/partners/orders/push", controller::pushOrders)
        .start(7070)
}
