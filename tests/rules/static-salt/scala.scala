// bastion-fixture: app/services/Hashing.scala
package services

import javax.crypto.SecretKeyFactory
import javax.crypto.spec.PBEKeySpec

object Hashing {
  def legacy(password: String): Array[Byte] = {
    val factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
// expect: static-salt
    factory.generateSecret(new PBEKeySpec(password.toCharArray, "ledgerly".getBytes("UTF-8"), 10000, 256)).getEncoded
  }
}
