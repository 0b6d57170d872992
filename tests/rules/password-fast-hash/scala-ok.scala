// bastion-fixture: src/main/scala/app/files/Checksums.scala
// ok: password-fast-hash
// Checksums of uploaded files; no password is digested.
package app.files

import java.security.MessageDigest

object Checksums {
  def sha256(bytes: Array[Byte]): String = {
    val md = MessageDigest.getInstance("SHA-256")
    md.digest(bytes).map("%02x".format(_)).mkString
  }
}
