// bastion-fixture: src/main/scala/com/acme/docs/Sealer.scala
// ok: static-iv
// A fresh nonce per message, filled from SecureRandom before use.
package com.acme.docs

import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

object Sealer {
  private val rng = new SecureRandom()

  def seal(key: SecretKey, data: Array[Byte]): Array[Byte] = {
    val nonce = new Array[Byte](12)
    rng.nextBytes(nonce)
    val cipher = Cipher.getInstance("AES/GCM/NoPadding")
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce))
    nonce ++ cipher.doFinal(data)
  }
}
