// bastion-fixture: src/main/java/demo/Tokens.java
// ok: weak-hash
class Tokens {
  static byte[] fingerprint(byte[] key) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(key);
  }
}
