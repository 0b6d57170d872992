// bastion-fixture: src/main/scala/app/auth/LegacyPasswords.scala
// A password digested once with SHA-1.
package app.auth

import java.security.MessageDigest

object LegacyPasswords {
  def hash(password: String): String = {
    val md = MessageDigest.getInstance("SHA-1")
// expect: password-fast-hash
    md.digest(password.getBytes("UTF-8")).map("%02x".format(_)).mkString
  }
}
