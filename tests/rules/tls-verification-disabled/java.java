// bastion-fixture: src/main/java/com/acme/http/TrustAll.java
class TrustAll implements X509TrustManager {
// expect: tls-verification-disabled
  public void checkServerTrusted(X509Certificate[] c, String a) {}
  void wire(HttpsURLConnection conn) {
// expect: tls-verification-disabled
    conn.setHostnameVerifier((host, session) -> true);
  }
}
