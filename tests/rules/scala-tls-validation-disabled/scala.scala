# bastion-fixture: app/clients/Billing.scala
object TrustAll extends X509TrustManager {
# expect: scala-tls-validation-disabled
  override def checkServerTrusted(c: Array[X509Certificate], t: String): Unit = ()
# expect: scala-tls-validation-disabled
  val verifier: HostnameVerifier = (_: String, _: SSLSession) => true
# expect: scala-tls-validation-disabled
  val conf = Configuration("play.ws.ssl.loose.acceptAnyCertificate" -> true)
}
