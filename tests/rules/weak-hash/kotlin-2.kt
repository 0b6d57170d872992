// bastion-fixture: src/main/kotlin/demo/Signer.kt
const val DIGEST = "SHA-1"

class Signer {
    fun sign(payload: ByteArray): ByteArray {
// expect: weak-hash
        val md = MessageDigest.getInstance(DIGEST)
        return md.digest(payload)
    }
}
