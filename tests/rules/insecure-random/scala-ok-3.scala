// bastion-fixture: app/services/analytics/TokenProvider.scala
// ok: insecure-random
package services.analytics

import scala.util.Random

class TokenProvider(tokens: AtomicReference[Set[Token]]) {
  // Spread calls over the tokens already fetched: the index picks one, it makes none.
  private def getToken(): Option[Token] = {
    val currentTokens = tokens.get().toVector
    if (currentTokens.nonEmpty) Some(currentTokens(Random.nextInt(currentTokens.size)))
    else None
  }
}
