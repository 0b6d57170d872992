// bastion-fixture: src/main/java/com/acme/http/Pinned.java
// ok: tls-verification-disabled
class Pinned implements X509TrustManager {
  public void checkServerTrusted(X509Certificate[] c, String a)
      throws CertificateException {
    delegate.checkServerTrusted(c, a);
  }
}
