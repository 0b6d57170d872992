// bastion-fixture: src/main/kotlin/app/TokenSealer.kt
// A nonce made of the bytes of a literal: reused for every token under one key.
package app

import javax.crypto.Cipher
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

class TokenSealer(private val key: SecretKey) {
    private val legacyNonce = "0123456789ab".toByteArray()

    fun seal(data: ByteArray): ByteArray {
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
// expect: static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, GCMParameterSpec(128, legacyNonce))
        return cipher.doFinal(data)
    }
}
