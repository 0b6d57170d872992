// bastion-fixture: src/main/kotlin/com/acme/http/HttpClients.kt
// ok: tls-verification-disabled
package com.acme.http

import java.util.concurrent.TimeUnit
import okhttp3.CertificatePinner
import okhttp3.OkHttpClient

object HttpClients {
    private val pinner = CertificatePinner.Builder()
        .add("api.partner.example.com", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        .build()

    val partner: OkHttpClient = OkHttpClient.Builder()
        .certificatePinner(pinner)
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(15, TimeUnit.SECONDS)
        .build()
}
