// bastion-fixture: src/main/java/com/acme/Seal.java
// ok: weak-cipher
class Seal {
  Cipher a = Cipher.getInstance("AES/GCM/NoPadding");
  Cipher r = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
}
