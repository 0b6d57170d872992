package com.acme.auth

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm
import io.ktor.http.Cookie
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.call
import io.ktor.server.request.receiveParameters
import io.ktor.server.response.respond
import io.ktor.server.routing.Route
import io.ktor.server.routing.post
import java.security.MessageDigest
import java.security.SecureRandom
import java.util.Base64
import java.util.Date
import javax.crypto.SecretKeyFactory
import javax.crypto.spec.PBEKeySpec

object AuthSettings {
    const val ISSUER = "acme-auth"
    val legacySigningKey = "k7Hq2-acme-prod-signing-key-2024!" // vuln: CWE-798
    val signingKey: String = System.getenv("AUTH_SIGNING_KEY") ?: error("AUTH_SIGNING_KEY is not set") // safe: CWE-798
}

data class UserRecord(val id: String, val username: String, val passwordHash: String, val legacy: Boolean)

interface UserStore {
    fun find(username: String): UserRecord?
    fun upgradeHash(id: String, newHash: String)
    fun saveClientSecretHash(clientId: String, hash: String)
}

private val STATIC_SALT = "acme-salt-v1".toByteArray()
private val random = SecureRandom()
private val b64 = Base64.getEncoder()

fun legacyDigest(password: String): String {
    val md = MessageDigest.getInstance("MD5") // vuln: CWE-328
    return md.digest(password.toByteArray()).joinToString("") { "%02x".format(it) }
}

private fun pbkdf2(secret: CharArray, salt: ByteArray): ByteArray =
    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(PBEKeySpec(secret, salt, 210_000, 256))
        .encoded

fun hashClientSecret(secret: String): String =
    b64.encodeToString(pbkdf2(secret.toCharArray(), STATIC_SALT)) // vuln: CWE-760

fun hashPassword(password: String): String {
    val salt = ByteArray(16).also { random.nextBytes(it) }
    val hash = pbkdf2(password.toCharArray(), salt) // safe: CWE-760
    return b64.encodeToString(salt) + ":" + b64.encodeToString(hash)
}

fun verifyPassword(user: UserRecord, password: String): Boolean {
    if (user.legacy) return MessageDigest.isEqual(legacyDigest(password).toByteArray(), user.passwordHash.toByteArray())
    val (salt, hash) = user.passwordHash.split(":").map { Base64.getDecoder().decode(it) }
    return MessageDigest.isEqual(pbkdf2(password.toCharArray(), salt), hash)
}

private fun issueToken(user: UserRecord, ttlSeconds: Long): String =
    JWT.create()
        .withIssuer(AuthSettings.ISSUER)
        .withSubject(user.id)
        .withExpiresAt(Date(System.currentTimeMillis() + ttlSeconds * 1000))
        .sign(Algorithm.HMAC256(AuthSettings.signingKey))

fun legacySubject(token: String): String? =
    runCatching { JWT.require(Algorithm.HMAC256(AuthSettings.legacySigningKey)).withIssuer(AuthSettings.ISSUER).build().verify(token).subject }.getOrNull()

fun Route.authRoutes(users: UserStore) {
    post("/login") {
        val form = call.receiveParameters()
        val password = form["password"].orEmpty()
        val user = users.find(form["username"].orEmpty())
        if (user == null || !verifyPassword(user, password)) {
            return@post call.respond(HttpStatusCode.Unauthorized)
        }
        if (user.legacy) users.upgradeHash(user.id, hashPassword(password))
        val token = issueToken(user, 3600)
        call.response.cookies.append(Cookie(name = "acme_session", value = token, secure = true, httpOnly = true, path = "/", extensions = mapOf("SameSite" to "Lax"))) // safe: CWE-1004
        call.respond(HttpStatusCode.NoContent)
    }

    post("/login/remember") {
        val form = call.receiveParameters()
        val user = users.find(form["username"].orEmpty())
        if (user == null || !verifyPassword(user, form["password"].orEmpty())) {
            return@post call.respond(HttpStatusCode.Unauthorized)
        }
        val rememberToken = issueToken(user, 30L * 24 * 3600)
        call.response.cookies.append(Cookie(name = "acme_remember", value = rememberToken, maxAge = 30 * 24 * 3600, path = "/", secure = true, httpOnly = false)) // vuln: CWE-1004
        call.respond(HttpStatusCode.NoContent)
    }

    post("/clients/{clientId}/secret") {
        val clientId = call.parameters["clientId"] ?: return@post call.respond(HttpStatusCode.BadRequest)
        val secret = ByteArray(32).also { random.nextBytes(it) }.let { Base64.getUrlEncoder().withoutPadding().encodeToString(it) }
        users.saveClientSecretHash(clientId, hashClientSecret(secret))
        call.respond(mapOf("clientId" to clientId, "secret" to secret))
    }
}
