# bastion-fixture: app/services/Tokens.scala
object Tokens {
# expect: insecure-random
  def resetToken(): String = Random.alphanumeric.take(32).mkString
# expect: insecure-random
  def otp(): Int = new scala.util.Random().nextInt(1000000)
}
