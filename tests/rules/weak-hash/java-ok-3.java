// bastion-fixture: src/main/java/demo/util/Ids.java
// ok: weak-hash
class Ids {
  // A name-based (version 3) UUID is defined with MD5; nothing is protected by it.
  static UUID nameUUIDFromBytes(byte[] name) throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    byte[] hash = md5.digest(name);
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    return fromBytes(hash);
  }
}
