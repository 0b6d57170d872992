// bastion-fixture: app/services/LocalPasswords.scala
// ok: insecure-random
package services

import scala.util.Random

class LocalPasswords(users: UserStore) {
  // The random part is the salt of the stored hash, kept beside it in the clear.
  def setPassword(username: String, newPassword: String): Unit = {
    val seed = Random.nextString(10).replace(',', '!')
    val stored = seed + "," + Hasher("SHA-256").fromString(seed + newPassword).head.toString
    users.update(username, Map("password" -> stored))
  }
}
