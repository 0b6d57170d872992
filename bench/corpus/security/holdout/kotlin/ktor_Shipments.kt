package com.example.shipments

import io.ktor.client.*
import io.ktor.client.engine.cio.*
import io.ktor.client.request.*
import io.ktor.client.statement.*
import io.ktor.http.*
import io.ktor.server.application.*
import io.ktor.server.html.*
import io.ktor.server.plugins.statuspages.*
import io.ktor.server.request.*
import io.ktor.server.response.*
import io.ktor.server.routing.*
import kotlinx.html.*
import org.jetbrains.exposed.sql.transactions.transaction
import org.slf4j.LoggerFactory
import java.io.File
import java.nio.file.attribute.PosixFilePermission
import java.nio.file.Files
import java.security.SecureRandom
import java.sql.DriverManager
import kotlin.io.path.createTempFile

private val log = LoggerFactory.getLogger("shipments")
private val client = HttpClient(CIO)
private val allowedCarriers = mapOf("dhl" to "https://api.dhl.example", "ups" to "https://api.ups.example")

fun Application.shipmentsModule() {
    val conn = DriverManager.getConnection(environment.config.property("db.url").getString(), "shipments", "shipments-pw") // vuln: CWE-798

    install(StatusPages) {
        exception<Throwable> { call, cause ->
            call.respondText(cause.stackTraceToString(), status = HttpStatusCode.InternalServerError) // vuln: CWE-209
        }
    }

    routing {
        get("/shipments") {
            val status = call.request.queryParameters["status"]
            val rs = conn.createStatement().executeQuery("SELECT id FROM shipment WHERE status = '" + status + "'") // vuln: CWE-89
            call.respondText(rs.next().toString())
        }

        get("/shipments/by-carrier") {
            val carrier = call.request.queryParameters["carrier"] ?: ""
            val ps = conn.prepareStatement("SELECT id FROM shipment WHERE carrier = ?") // safe: CWE-89
            ps.setString(1, carrier)
            call.respondText(ps.executeQuery().next().toString())
        }

        get("/shipments/{id}") {
            val id = call.parameters["id"]!!.toLong()
            val rs = conn.createStatement().executeQuery("SELECT * FROM shipment WHERE id = $id") // safe: CWE-89
            call.respondText(rs.next().toString())
        }

        get("/shipments/exposed") {
            val zone = call.request.queryParameters["zone"]
            transaction { exec("SELECT count(*) FROM shipment WHERE zone = '$zone'") } // vuln: CWE-89
            call.respond(HttpStatusCode.OK)
        }

        get("/shipments/track") {
            val carrier = call.request.queryParameters["carrier"] ?: ""
            val base = allowedCarriers[carrier] ?: return@get call.respond(HttpStatusCode.BadRequest)
            val body = client.get("$base/track").bodyAsText() // safe: CWE-918
            call.respondText(body)
        }

        get("/shipments/track-any") {
            val body = client.get(call.request.queryParameters["url"]!!).bodyAsText() // vuln: CWE-918
            call.respondText(body)
        }

        get("/shipments/label") {
            val name = call.request.queryParameters["name"]!!
            call.respondFile(File("/srv/labels"), name) // vuln: CWE-22
        }

        get("/shipments/label-safe") {
            val name = File(call.request.queryParameters["name"]!!).name
            call.respondFile(File("/srv/labels"), name) // safe: CWE-22
        }

        post("/shipments/print") {
            val printer = call.receiveParameters()["printer"]!!
            Runtime.getRuntime().exec("lp -d $printer /srv/labels/latest.pdf") // vuln: CWE-78
            call.respond(HttpStatusCode.Accepted)
        }

        post("/shipments/print-safe") {
            val printer = call.receiveParameters()["printer"]!!
            ProcessBuilder("lp", "-d", printer, "/srv/labels/latest.pdf").start() // safe: CWE-78
            call.respond(HttpStatusCode.Accepted)
        }

        get("/shipments/note") {
            val note = call.request.queryParameters["note"] ?: ""
            call.respondHtml { body { p { +note } } } // safe: CWE-79
        }

        get("/shipments/note-raw") {
            val note = call.request.queryParameters["note"] ?: ""
            call.respondHtml { body { p { unsafe { +note } } } } // vuln: CWE-79
        }

        get("/shipments/back") {
            val next = call.request.queryParameters["next"] ?: "/"
            call.respondRedirect(next, permanent = false) // vuln: CWE-601
        }

        post("/shipments/event") {
            val event = call.receiveText()
            log.warn("shipment event received: $event") // vuln: CWE-117
            call.respond(HttpStatusCode.NoContent)
        }

        get("/shipments/export") {
            val name = call.request.queryParameters["name"] ?: "export"
            call.response.header(HttpHeaders.ContentDisposition, "attachment; filename=$name.csv") // vuln: CWE-113
            call.respondText("")
        }

        post("/shipments/eval") {
            val expr = call.receiveText()
            val engine = javax.script.ScriptEngineManager().getEngineByName("kotlin")
            call.respondText(engine.eval(expr).toString()) // vuln: CWE-94
        }
    }
}

fun spoolFile(): File {
    val f = File("/tmp/shipments-spool.csv")
    f.setReadable(true, false) // vuln: CWE-732
    f.setWritable(true, false) // vuln: CWE-732
    return f
}

fun spoolFileSafe(): java.nio.file.Path {
    val p = createTempFile("shipments", ".csv") // safe: CWE-377
    Files.setPosixFilePermissions(p, setOf(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)) // safe: CWE-732
    return p
}

fun trackingToken(): String {
    val bytes = ByteArray(20)
    SecureRandom().nextBytes(bytes) // safe: CWE-330
    return bytes.joinToString("") { "%02x".format(it) }
}

fun trackingTokenWeak(): String = java.util.Random().nextInt().toString(36) // vuln: CWE-330
