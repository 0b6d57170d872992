// bastion-fixture: src/main/kotlin/com/acme/Gateway.kt
package com.acme

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm
import io.ktor.server.application.*
import io.ktor.server.response.*
import io.ktor.server.routing.*

private val verifier = JWT.require(Algorithm.HMAC256(System.getenv("JWT_KEY"))).build()

private fun tenantOf(raw: String): String? {
// expect: jwt-verification-disabled
    val decoded = JWT.decode(raw.removePrefix("Bearer "))
    return decoded.getClaim("tenant").asString()
}

fun Route.tenantRoutes() {
    get("/tenant") {
        val tenant = tenantOf(call.request.headers["Authorization"] ?: "")
        call.respondText(tenant ?: "none")
    }
}
