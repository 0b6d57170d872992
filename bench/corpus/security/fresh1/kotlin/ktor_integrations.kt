package com.acme.shipping.integrations

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm
import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.request.bearerAuth
import io.ktor.client.request.get
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.client.statement.bodyAsText
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.contentType
import io.ktor.serialization.kotlinx.json.json
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.application.install
import io.ktor.server.auth.Authentication
import io.ktor.server.auth.authenticate
import io.ktor.server.auth.jwt.JWTPrincipal
import io.ktor.server.auth.jwt.jwt
import io.ktor.server.plugins.contentnegotiation.ContentNegotiation
import io.ktor.server.request.receive
import io.ktor.server.response.respond
import io.ktor.server.routing.get
import io.ktor.server.routing.post
import io.ktor.server.routing.routing
import kotlinx.serialization.Serializable
import java.net.URI

private const val CARRIER_API_KEY = "shp_prod_7f3a9c2e41b8d6a05e9f13c7b2d4e6f8" // vuln: CWE-798

@Serializable
data class WebhookTest(val url: String, val event: String = "shipment.created")

@Serializable
data class LabelRequest(val carrier: String, val shipmentId: Long)

private val allowedCarrierHosts = mapOf(
    "dhl" to "api.dhl.example-carrier.com",
    "ups" to "onlinetools.ups.example-carrier.com",
    "fedex" to "apis.fedex.example-carrier.com",
)

private val client = HttpClient(CIO) {
    expectSuccess = false
}

private fun tenantFromGatewayToken(raw: String?): String? {
    if (raw.isNullOrBlank()) return null
    val decoded = JWT.decode(raw.removePrefix("Bearer ")) // vuln: CWE-347
    return decoded.getClaim("tenant").asString()
}

fun Application.integrationModule() {
    val jwtSecret = environment.config.property("auth.jwt.secret").getString() // safe: CWE-798
    val jwtIssuer = environment.config.property("auth.jwt.issuer").getString()

    install(ContentNegotiation) { json() }
    install(Authentication) {
        jwt("api") {
            realm = "shipping"
            verifier(JWT.require(Algorithm.HMAC256(jwtSecret)).withIssuer(jwtIssuer).build()) // safe: CWE-347
            validate { cred -> if (cred.payload.getClaim("tenant").asString() != null) JWTPrincipal(cred.payload) else null }
        }
    }

    routing {
        get("/internal/tenants/current/quota") {
            val tenant = tenantFromGatewayToken(call.request.headers["X-Gateway-Token"])
                ?: return@get call.respond(HttpStatusCode.Unauthorized)
            call.respond(mapOf("tenant" to tenant, "labelsPerDay" to "500"))
        }

        authenticate("api") {
            post("/webhooks/test") {
                val req = call.receive<WebhookTest>()
                val response = client.post(req.url) { // vuln: CWE-918
                    contentType(ContentType.Application.Json)
                    setBody("""{"event":"${req.event}","test":true}""")
                }
                call.respond(mapOf("status" to response.status.value.toString(), "body" to response.bodyAsText().take(500)))
            }

            post("/labels") {
                val req = call.receive<LabelRequest>()
                val host = allowedCarrierHosts[req.carrier.lowercase()]
                    ?: return@post call.respond(HttpStatusCode.BadRequest, "unknown carrier")
                val url = URI("https", host, "/v1/shipments/${req.shipmentId}/label", null).toString()
                val label = client.get(url) { bearerAuth(CARRIER_API_KEY) } // safe: CWE-918
                call.respond(HttpStatusCode.fromValue(label.status.value), label.bodyAsText())
            }
        }
    }
}
