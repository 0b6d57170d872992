// bastion-fixture: src/main/java/demo/util/Ids.java
class Ids {
  // The same digest of a password is a weak password hash.
  static byte[] passwordDigest(byte[] password) throws Exception {
// expect: weak-hash
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    return md5.digest(password);
  }
}
