// bastion-fixture: src/main/java/com/acme/Users.java
// ok: password-fast-hash
class Users {
  String hash(String rawPassword) { return encoder.encode(rawPassword); }
  String etag(byte[] body) { return DigestUtils.sha256Hex(body); }
}
