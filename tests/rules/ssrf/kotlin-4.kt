// bastion-fixture: src/main/kotlin/com/acme/hooks/Webhooks.kt
package com.acme.hooks

import io.javalin.http.Context
import okhttp3.OkHttpClient
import okhttp3.Request

class Webhooks(private val client: OkHttpClient) {
    fun testPing(ctx: Context) {
        val target = ctx.formParam("url") ?: return
// expect: ssrf
        client.newCall(Request.Builder().url(target).get().build()).execute().use { ctx.status(it.code) }
    }
}
