// bastion-fixture: src/main/kotlin/com/acme/files/Checksums.kt
// ok: password-fast-hash
package com.acme.files

import java.security.MessageDigest
import org.springframework.security.crypto.password.PasswordEncoder

class Checksums(private val encoder: PasswordEncoder) {
    // Content address of an uploaded file: speed is what we want here.
    fun etag(content: ByteArray): String {
        val md = MessageDigest.getInstance("SHA-256")
        return md.digest(content).joinToString("") { "%02x".format(it) }
    }

    fun storePassword(password: String): String = encoder.encode(password)
}
