package com.acme.vault.crypto

import java.nio.ByteBuffer
import java.security.MessageDigest
import java.security.SecureRandom
import java.util.Base64
import javax.crypto.Cipher
import javax.crypto.SecretKeyFactory
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.IvParameterSpec
import javax.crypto.spec.PBEKeySpec
import javax.crypto.spec.SecretKeySpec
import org.springframework.beans.factory.annotation.Value
import org.springframework.stereotype.Service

private fun b64(bytes: ByteArray): String = Base64.getEncoder().encodeToString(bytes)
private fun unb64(text: String): ByteArray = Base64.getDecoder().decode(text)

@Service
class FieldEncryptionService(@Value("\${vault.field-key}") keyB64: String) {

    private val key = SecretKeySpec(unb64(keyB64), "AES")
    private val rng = SecureRandom()

    /** Encrypts PII columns (tax ids, IBANs) before they are persisted. */
    fun encrypt(plain: String): String {
        val iv = ByteArray(12).also { rng.nextBytes(it) }
        val cipher = Cipher.getInstance("AES/GCM/NoPadding") // safe: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, key, GCMParameterSpec(128, iv))
        val ct = cipher.doFinal(plain.toByteArray(Charsets.UTF_8))
        return b64(ByteBuffer.allocate(iv.size + ct.size).put(iv).put(ct).array())
    }

    fun decrypt(token: String): String {
        val raw = unb64(token)
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
        cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, raw, 0, 12))
        return String(cipher.doFinal(raw, 12, raw.size - 12), Charsets.UTF_8)
    }

    /** Deterministic so the column can still be looked up with WHERE tax_id_enc = ?. */
    fun encryptSearchable(plain: String): String {
        val cipher = Cipher.getInstance("AES/ECB/PKCS5Padding") // vuln: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, key)
        return b64(cipher.doFinal(plain.trim().uppercase().toByteArray(Charsets.UTF_8)))
    }
}

@Service
class PartnerExportSealer(@Value("\${exports.passphrase}") private val passphrase: String) {

    // the partner's import tool was built against this IV and cannot be changed
    private val partnerIv = byteArrayOf(
        0x1f, 0x3a, 0x52, 0x07, 0x6e, 0x11, 0x4c, 0x29,
        0x75, 0x0d, 0x38, 0x60, 0x2b, 0x44, 0x19, 0x5e,
    )

    fun seal(data: ByteArray): ByteArray {
        val factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        val spec = PBEKeySpec(passphrase.toCharArray(), "acme-partner-export".toByteArray(), 65_536, 256) // vuln: CWE-760
        val keySpec = SecretKeySpec(factory.generateSecret(spec).encoded, "AES")
        val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
        cipher.init(Cipher.ENCRYPT_MODE, keySpec, IvParameterSpec(partnerIv)) // vuln: CWE-329
        return cipher.doFinal(data)
    }
}

@Service
class PinService(private val pins: PinRepository) {

    private val rng = SecureRandom()
    private val factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")

    fun setPin(userId: Long, pin: String) {
        require(pin.length in 4..8 && pin.all(Char::isDigit)) { "PIN must be 4-8 digits" }
        val salt = ByteArray(16).also { rng.nextBytes(it) }
        val spec = PBEKeySpec(pin.toCharArray(), salt, 210_000, 256) // safe: CWE-760
        val hash = factory.generateSecret(spec).encoded
        pins.save(userId, "${b64(salt)}:${b64(hash)}")
    }

    fun verifyPin(userId: Long, pin: String): Boolean {
        val stored = pins.find(userId) ?: return false
        val (saltB64, hashB64) = stored.split(":", limit = 2)
        val spec = PBEKeySpec(pin.toCharArray(), unb64(saltB64), 210_000, 256)
        return MessageDigest.isEqual(factory.generateSecret(spec).encoded, unb64(hashB64))
    }

    fun issueOneTimeCode(userId: Long): String {
        val code = rng.nextInt(1_000_000) // safe: CWE-330
        pins.storeOneTimeCode(userId, code, ttlSeconds = 300)
        return code.toString().padStart(6, '0')
    }
}
