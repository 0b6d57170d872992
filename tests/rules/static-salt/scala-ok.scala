// bastion-fixture: app/services/Hashing.scala
// ok: static-salt
package services

import javax.crypto.SecretKeyFactory
import javax.crypto.spec.PBEKeySpec

object Hashing {
  def hash(password: String, salt: Array[Byte]): Array[Byte] = {
    val factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
    factory.generateSecret(new PBEKeySpec(password.toCharArray, salt, 310000, 256)).getEncoded
  }
}
