# bastion-fixture: app/services/encryption/Nonce.scala
# ok: insecure-random
import org.abstractj.kalium.crypto.Random

object Nonce {
  private val random = new Random()
  def createNonce(): Array[Byte] = random.randomBytes(24)
}
