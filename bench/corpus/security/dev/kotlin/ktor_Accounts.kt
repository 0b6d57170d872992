package com.example.accounts

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm
import io.ktor.http.*
import io.ktor.server.application.*
import io.ktor.server.plugins.cors.routing.*
import io.ktor.server.request.*
import io.ktor.server.response.*
import io.ktor.server.routing.*
import io.ktor.server.sessions.*
import java.io.ObjectInputStream
import java.security.SecureRandom
import java.sql.Connection
import java.util.Base64
import javax.crypto.Cipher
import javax.crypto.spec.SecretKeySpec
import kotlin.random.Random

private const val JWT_SECRET = "accounts-signing-secret-v1" // vuln: CWE-798
private val jwtSecretFromEnv: String = System.getenv("JWT_SECRET") // safe: CWE-798

data class UserSession(val id: String)

fun Application.accountsModule(db: Connection) {
    install(CORS) {
        anyHost() // vuln: CWE-942
        allowCredentials = true
    }
    install(Sessions) {
        cookie<UserSession>("SESSION") {
            cookie.secure = false // vuln: CWE-614
            cookie.httpOnly = true
        }
    }

    routing {
        get("/accounts/find") {
            val email = call.request.queryParameters["email"] ?: ""
            val rs = db.createStatement().executeQuery("SELECT id FROM account WHERE email = '$email'") // vuln: CWE-89
            call.respondText(if (rs.next()) rs.getString(1) else "none")
        }

        get("/accounts/find-safe") {
            val email = call.request.queryParameters["email"] ?: ""
            val ps = db.prepareStatement("SELECT id FROM account WHERE email = ?") // safe: CWE-89
            ps.setString(1, email)
            val rs = ps.executeQuery()
            call.respondText(if (rs.next()) rs.getString(1) else "none")
        }

        get("/accounts/{id}/export") {
            val format = call.parameters["format"] ?: "csv"
            val proc = ProcessBuilder("sh", "-c", "export-account ${call.parameters["id"]} --format $format").start() // vuln: CWE-78
            call.respondText(proc.inputStream.bufferedReader().readText())
        }

        get("/accounts/welcome") {
            val name = call.request.queryParameters["name"] ?: ""
            call.respondText("<p>Welcome $name</p>", ContentType.Text.Html) // vuln: CWE-79
        }

        get("/accounts/welcome-plain") {
            val name = call.request.queryParameters["name"] ?: ""
            call.respondText("Welcome $name", ContentType.Text.Plain) // safe: CWE-79
        }

        get("/accounts/redirect") {
            call.respondRedirect(call.request.queryParameters["to"] ?: "/") // vuln: CWE-601
        }

        get("/accounts/redirect-safe") {
            call.respondRedirect("/accounts/find") // safe: CWE-601
        }

        post("/accounts/restore") {
            val bytes = call.receive<ByteArray>()
            val obj = ObjectInputStream(bytes.inputStream()).readObject() // vuln: CWE-502
            call.respondText(obj.toString())
        }

        get("/accounts/token") {
            val token = JWT.create().withSubject("svc").sign(Algorithm.HMAC256(JWT_SECRET)) // vuln: CWE-798
            call.respondText(token)
        }

        get("/accounts/token-env") {
            val token = JWT.create().withSubject("svc").sign(Algorithm.HMAC256(jwtSecretFromEnv)) // safe: CWE-798
            call.respondText(token)
        }

        get("/accounts/claims") {
            val raw = call.request.headers["Authorization"]?.removePrefix("Bearer ") ?: ""
            val decoded = JWT.decode(raw) // vuln: CWE-347
            call.respondText(decoded.subject ?: "")
        }

        get("/accounts/avatar") {
            val file = java.io.File("/srv/avatars/" + call.request.queryParameters["file"]) // vuln: CWE-22
            call.respondFile(file)
        }

        post("/accounts/header") {
            val lang = call.receiveParameters()["lang"] ?: "en"
            call.response.header("Content-Language", lang) // vuln: CWE-113
            call.respond(HttpStatusCode.NoContent)
        }
    }
}

fun recoveryCode(): String = Random.nextLong().toString(16) // vuln: CWE-330

fun recoveryCodeSafe(): String {
    val bytes = ByteArray(16)
    SecureRandom().nextBytes(bytes) // safe: CWE-330
    return Base64.getUrlEncoder().encodeToString(bytes)
}

fun encryptPii(key: ByteArray, data: ByteArray): ByteArray {
    val cipher = Cipher.getInstance("AES/ECB/PKCS5Padding") // vuln: CWE-327
    cipher.init(Cipher.ENCRYPT_MODE, SecretKeySpec(key, "AES"))
    return cipher.doFinal(data)
}

fun encryptPiiSafe(key: ByteArray, data: ByteArray): ByteArray {
    val cipher = Cipher.getInstance("AES/GCM/NoPadding") // safe: CWE-327
    cipher.init(Cipher.ENCRYPT_MODE, SecretKeySpec(key, "AES"))
    return cipher.iv + cipher.doFinal(data)
}
