# bastion-fixture: app/clients/Billing.scala
# ok: tls-verification-disabled
object Pinned extends X509TrustManager {
  override def checkServerTrusted(chain: Array[X509Certificate], t: String): Unit =
    delegate.checkServerTrusted(chain, t)
}
