package com.acme.accounts.auth

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder
import org.springframework.stereotype.Service
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RestController
import java.security.MessageDigest
import java.security.SecureRandom
import java.util.Base64
import kotlin.random.Random

data class PasswordChange(val userId: Long, val newPassword: String)
data class ResetRequest(val email: String)
data class ApiKeyRequest(val userId: Long, val label: String)

@Service
class CredentialService(private val accounts: AccountRepository) {

    private val bcrypt = BCryptPasswordEncoder(12)
    private val secureRandom = SecureRandom()

    // Accounts migrated from the 2019 system still carry the old hash format.
    fun legacyHash(password: String): String {
        val md = MessageDigest.getInstance("MD5") // vuln: CWE-328
        md.update(LEGACY_SALT.toByteArray()) // vuln: CWE-760
        val digest = md.digest(password.toByteArray(Charsets.UTF_8))
        return digest.joinToString("") { "%02x".format(it) }
    }

    fun matches(userId: Long, password: String): Boolean {
        val account = accounts.find(userId) ?: return false
        return if (account.hash.startsWith("\$2")) {
            bcrypt.matches(password, account.hash)
        } else {
            val ok = legacyHash(password) == account.hash
            if (ok) accounts.updateHash(userId, bcrypt.encode(password))
            ok
        }
    }

    fun changePassword(change: PasswordChange) {
        require(change.newPassword.length >= 12) { "password too short" }
        accounts.updateHash(change.userId, bcrypt.encode(change.newPassword)) // safe: CWE-328
    }

    fun issueResetToken(email: String): String? {
        val account = accounts.findByEmail(email) ?: return null
        val token = (1..24).map { TOKEN_ALPHABET[Random.nextInt(TOKEN_ALPHABET.length)] }.joinToString("") // vuln: CWE-330
        accounts.storeResetToken(account.id, token)
        return token
    }

    fun issueApiKey(req: ApiKeyRequest): String {
        val raw = ByteArray(32).also { secureRandom.nextBytes(it) } // safe: CWE-330
        val key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw)
        val fingerprint = MessageDigest.getInstance("SHA-256").digest(key.toByteArray())
        accounts.storeApiKey(req.userId, req.label, Base64.getEncoder().encodeToString(fingerprint))
        return key
    }

    companion object {
        private const val LEGACY_SALT = "acme$2019#pepper"
        private const val TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    }
}

@RestController
@RequestMapping("/api/credentials")
class CredentialController(private val credentials: CredentialService, private val mailer: Mailer) {

    @PostMapping("/password")
    fun change(@RequestBody body: PasswordChange) = credentials.changePassword(body)

    @PostMapping("/reset")
    fun reset(@RequestBody body: ResetRequest): Map<String, String> {
        credentials.issueResetToken(body.email)?.let { mailer.sendReset(body.email, it) }
        return mapOf("status" to "if the address exists, a mail was sent")
    }

    @PostMapping("/api-keys")
    fun apiKey(@RequestBody body: ApiKeyRequest): Map<String, String> =
        mapOf("key" to credentials.issueApiKey(body))
}

interface AccountRepository {
    data class Account(val id: Long, val email: String, val hash: String)

    fun find(id: Long): Account?
    fun findByEmail(email: String): Account?
    fun updateHash(id: Long, hash: String)
    fun storeResetToken(id: Long, token: String)
    fun storeApiKey(id: Long, label: String, fingerprint: String)
}

interface Mailer {
    fun sendReset(email: String, token: String)
}
