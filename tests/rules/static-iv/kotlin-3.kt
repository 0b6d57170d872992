// bastion-fixture: src/main/kotlin/app/exports/PartnerExportSealer.kt
// The partner's tool was built against this IV: every export is sealed with it.
package app.exports

import javax.crypto.Cipher
import javax.crypto.SecretKey
import javax.crypto.spec.IvParameterSpec

class PartnerExportSealer(private val key: SecretKey) {
    private val partnerIv = byteArrayOf(
        0x1f, 0x3a, 0x52, 0x07, 0x6e, 0x11, 0x4c, 0x29,
        0x75, 0x0d, 0x38, 0x60, 0x2b, 0x44, 0x19, 0x5e,
    )

    fun seal(data: ByteArray): ByteArray {
        val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
// expect: static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, IvParameterSpec(partnerIv))
        return cipher.doFinal(data)
    }
}
