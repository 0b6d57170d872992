// bastion-fixture: src/main/java/com/acme/Seal.java
class Seal {
// expect: weak-cipher
  Cipher a = Cipher.getInstance("AES/ECB/PKCS5Padding");
// expect: weak-cipher
  Cipher b = Cipher.getInstance("AES");
}
