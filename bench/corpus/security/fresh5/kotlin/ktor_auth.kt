package com.acme.gateway.auth

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm
import com.auth0.jwt.interfaces.DecodedJWT
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.request.header
import io.ktor.server.response.respond
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.routing
import java.security.SecureRandom
import java.util.Base64
import java.util.Date
import kotlin.random.Random

object TokenIssuer {
    private val signingKey = Algorithm.HMAC256("gw-prod-signing-key-2024!") // vuln: CWE-798

    fun issue(subject: String): String =
        JWT.create()
            .withSubject(subject)
            .withExpiresAt(Date(System.currentTimeMillis() + 15 * 60 * 1000))
            .sign(signingKey)
}

class InternalVerifier(secret: String) {
    private val verifier = JWT.require(Algorithm.HMAC256(secret)).withIssuer("gateway").build()

    fun verify(token: String): DecodedJWT = verifier.verify(token) // safe: CWE-347
}

private val rng = SecureRandom()

fun newSessionId(): String {
    val bytes = ByteArray(24)
    rng.nextBytes(bytes) // safe: CWE-330
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
}

fun newInviteCode(): String =
    (1..10).map { "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[Random.nextInt(32)] }.joinToString("") // vuln: CWE-330

fun Application.authModule() {
    val internalSecret = environment.config.property("auth.internalSecret").getString() // safe: CWE-798
    val internal = InternalVerifier(internalSecret)

    routing {
        get("/me") {
            val raw = call.request.header("Authorization")?.removePrefix("Bearer ")
                ?: return@get call.respond(HttpStatusCode.Unauthorized)
            val jwt = JWT.decode(raw) // vuln: CWE-347
            call.respond(mapOf("user" to jwt.subject, "roles" to jwt.getClaim("roles").asList(String::class.java)))
        }

        get("/internal/status") {
            val raw = call.request.header("X-Internal-Token") ?: return@get call.respond(HttpStatusCode.Forbidden)
            val jwt = internal.verify(raw)
            call.respond(mapOf("caller" to jwt.subject, "session" to newSessionId()))
        }

        post("/invites") {
            call.respond(HttpStatusCode.Created, mapOf("code" to newInviteCode()))
        }
    }
}
