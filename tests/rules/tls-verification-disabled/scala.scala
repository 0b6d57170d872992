# bastion-fixture: app/clients/Billing.scala
object TrustAll extends X509TrustManager {
# expect: tls-verification-disabled
  override def checkServerTrusted(c: Array[X509Certificate], t: String): Unit = ()
# expect: tls-verification-disabled
  val verifier: HostnameVerifier = (_: String, _: SSLSession) => true
# expect: tls-verification-disabled
  val conf = Configuration("play.ws.ssl.loose.acceptAnyCertificate" -> true)
}
