// bastion-fixture: app/services/InviteService.scala
// A method body on the line after `=`, then another method: each is its own function.
package services

import scala.util.Random

final class InviteService {
  private def newInviteCode(): String =
// expect: insecure-random
    Random.alphanumeric.take(12).mkString.toUpperCase

  def newResetToken(): String = {
// expect: insecure-random
    Random.alphanumeric.take(32).mkString
  }
}
