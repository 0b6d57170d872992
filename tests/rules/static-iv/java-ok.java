// bastion-fixture: src/main/java/demo/Crypto.java
// ok: static-iv
class Crypto {
  static byte[] seal(SecretKey key, byte[] data) throws Exception {
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
    return cipher.doFinal(data);
  }
}
