// bastion-fixture: src/main/java/demo/Tokens.java
class Tokens {
  static byte[] fingerprint(byte[] key) throws Exception {
// expect: weak-hash
    return MessageDigest.getInstance("SHA-1").digest(key);
  }
}
