// bastion-fixture: app/services/LocalPasswords.scala
package services

import scala.util.Random

class LocalPasswords(users: UserStore) {
  // A temporary password drawn from a seeded generator, then hashed: the password itself
  // is guessable.
  def resetPassword(username: String): String = {
// expect: insecure-random
    val newPassword = Random.alphanumeric.take(12).mkString
    users.update(username, Map("password" -> Hasher("SHA-256").fromString(newPassword).head.toString))
    newPassword
  }
}
