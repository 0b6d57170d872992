# bastion-fixture: app/services/Tokens.scala
# ok: insecure-random
object Tokens {
  private val rng = new SecureRandom()
  def resetToken(): String = { val b = new Array[Byte](32); rng.nextBytes(b); Base64.getUrlEncoder.encodeToString(b) }
  def jitter(): Int = Random.nextInt(250)
}
