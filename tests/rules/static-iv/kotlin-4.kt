// bastion-fixture: src/main/kotlin/sync/PayloadSealer.kt
// The nonce is text written in the code, Base64-decoded once: the same for every message.
package sync

import java.util.Base64
import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec

class PayloadSealer(private val key: ByteArray) {
    private val fixedNonce = Base64.getDecoder().decode("q1w2e3r4t5y6u7i8")

    fun seal(plain: ByteArray): ByteArray {
        val cipher = Cipher.getInstance("AES/GCM/NoPadding")
// expect: static-iv
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeySpec(key, "AES"), GCMParameterSpec(128, fixedNonce))
        return cipher.doFinal(plain)
    }
}
