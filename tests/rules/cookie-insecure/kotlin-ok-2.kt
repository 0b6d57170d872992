// bastion-fixture: src/main/kotlin/com/acme/client/PartnerClient.kt
// ok: cookie-insecure
package com.acme.client

import org.apache.http.impl.client.BasicCookieStore
import org.apache.http.impl.cookie.BasicClientCookie

// The partner API's session cookie goes in the HTTP client's store for the calls this
// server makes; no browser ever gets it.
class PartnerClient(private val cookieStore: BasicCookieStore) {
    fun login(sessionToken: String) {
        val cookie = BasicClientCookie("SESSION_TOKEN", sessionToken)
        cookie.domain = "partner.example.com"
        cookieStore.addCookie(cookie)
    }
}
