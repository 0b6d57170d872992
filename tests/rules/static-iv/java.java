// bastion-fixture: src/main/java/demo/Crypto.java
class Crypto {
  static byte[] seal(SecretKey key, byte[] data) throws Exception {
    Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
// expect: static-iv
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
    return cipher.doFinal(data);
  }
}
