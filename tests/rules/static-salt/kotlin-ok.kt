// bastion-fixture: src/main/kotlin/com/acme/crypto/FieldCrypto.kt
// ok: static-salt
package com.acme.crypto

import javax.crypto.SecretKeyFactory
import javax.crypto.spec.PBEKeySpec

class FieldCrypto(private val passphrase: String) {
    fun key(salt: ByteArray): ByteArray {
        val factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        val spec = PBEKeySpec(passphrase.toCharArray(), salt, 65_536, 256)
        return factory.generateSecret(spec).encoded
    }
}
