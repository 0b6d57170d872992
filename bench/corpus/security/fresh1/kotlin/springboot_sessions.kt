package com.acme.shop.sessions

import jakarta.servlet.http.HttpServletResponse
import org.springframework.beans.factory.annotation.Value
import org.springframework.context.annotation.Configuration
import org.springframework.http.HttpHeaders
import org.springframework.http.ResponseCookie
import org.springframework.http.ResponseEntity
import org.springframework.stereotype.Service
import org.springframework.web.bind.annotation.CookieValue
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.servlet.config.annotation.CorsRegistry
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer
import java.nio.ByteBuffer
import java.security.SecureRandom
import java.time.Duration
import java.util.Base64
import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec

data class RememberMeRequest(val customerId: Long, val device: String)

@Configuration
class StorefrontWebConfig : WebMvcConfigurer {
    override fun addCorsMappings(registry: CorsRegistry) {
        registry.addMapping("/api/cart/**")
            .allowedMethods("GET", "POST", "DELETE")
            .allowedOriginPatterns("*").allowCredentials(true) // vuln: CWE-942
            .maxAge(3600)
    }
}

@Service
class RememberMeTokens(@Value("\${shop.remember-me.key}") keyBase64: String) {

    private val key = SecretKeySpec(Base64.getDecoder().decode(keyBase64), "AES")
    private val random = SecureRandom()

    fun newSeriesId(): String {
        val bytes = ByteArray(24)
        random.nextBytes(bytes) // safe: CWE-330
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
    }

    fun seal(customerId: Long, series: String): String {
        val iv = ByteArray(12).also { random.nextBytes(it) }
        val cipher = Cipher.getInstance("AES/GCM/NoPadding") // safe: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, key, GCMParameterSpec(128, iv))
        val sealed = cipher.doFinal("$customerId:$series".toByteArray())
        return Base64.getUrlEncoder().encodeToString(ByteBuffer.allocate(iv.size + sealed.size).put(iv).put(sealed).array())
    }

    fun open(token: String): Pair<Long, String>? = runCatching {
        val raw = Base64.getUrlDecoder().decode(token)
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, raw, 0, 12))
        val (id, series) = String(cipher.doFinal(raw, 12, raw.size - 12)).split(":", limit = 2)
        id.toLong() to series
    }.getOrNull()

    fun openLegacy(token: String): Pair<Long, String>? = runCatching {
        val cipher = Cipher.getInstance("AES/ECB/PKCS5Padding") // vuln: CWE-327
        cipher.init(Cipher.DECRYPT_MODE, key)
        val (id, series) = String(cipher.doFinal(Base64.getDecoder().decode(token))).split(":", limit = 2)
        id.toLong() to series
    }.getOrNull()
}

@RestController
@RequestMapping("/api/session")
class SessionController(private val tokens: RememberMeTokens) {

    @PostMapping("/remember-me")
    fun rememberMe(@RequestBody req: RememberMeRequest): ResponseEntity<Void> {
        val sealed = tokens.seal(req.customerId, tokens.newSeriesId())
        val cookie = ResponseCookie.from("REMEMBER_ME", sealed)
            .httpOnly(true)
            .secure(false) // vuln: CWE-614
            .sameSite("Lax")
            .path("/")
            .maxAge(Duration.ofDays(30))
            .build()
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build()
    }

    @PostMapping("/resume")
    fun resume(
        @CookieValue("REMEMBER_ME", required = false) current: String?,
        @CookieValue("rm", required = false) legacy: String?,
        response: HttpServletResponse,
    ): ResponseEntity<Map<String, Any>> {
        val restored = current?.let { tokens.open(it) } ?: legacy?.let { tokens.openLegacy(it) }
            ?: return ResponseEntity.status(401).build()
        if (legacy != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from("rm", "").maxAge(0).path("/").build().toString())
        }
        return ResponseEntity.ok(mapOf("customerId" to restored.first, "series" to restored.second))
    }
}
