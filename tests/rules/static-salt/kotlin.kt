// bastion-fixture: src/main/kotlin/com/acme/crypto/FieldCrypto.kt
package com.acme.crypto

import javax.crypto.SecretKeyFactory
import javax.crypto.spec.PBEKeySpec

class FieldCrypto(private val passphrase: String) {
    fun key(): ByteArray {
        val factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
// expect: static-salt
        val spec = PBEKeySpec(passphrase.toCharArray(), "acme-partner-export".toByteArray(), 65_536, 256)
        return factory.generateSecret(spec).encoded
    }
}
