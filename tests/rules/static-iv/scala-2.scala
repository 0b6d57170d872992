// bastion-fixture: src/main/scala/com/acme/docs/DocumentCrypto.scala
// An IV kept in a field of zeros: every message of the bridge starts from the same IV.
package com.acme.docs

import javax.crypto.Cipher
import javax.crypto.SecretKey
import javax.crypto.spec.IvParameterSpec

object DocumentCrypto {
  private val legacyIv = Array.fill[Byte](8)(0)

  def encryptForBridge(key: SecretKey, data: Array[Byte]): Array[Byte] = {
    val cipher = Cipher.getInstance("DESede/CBC/PKCS5Padding")
// expect: static-iv
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(legacyIv))
    cipher.doFinal(data)
  }
}
