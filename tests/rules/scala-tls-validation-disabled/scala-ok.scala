# bastion-fixture: app/clients/Billing.scala
# ok: scala-tls-validation-disabled
object Pinned extends X509TrustManager {
  override def checkServerTrusted(chain: Array[X509Certificate], t: String): Unit =
    delegate.checkServerTrusted(chain, t)
}
