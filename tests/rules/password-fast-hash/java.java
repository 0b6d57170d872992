// bastion-fixture: src/main/java/com/acme/Users.java
class Users {
  String hash(String rawPassword) {
// expect: password-fast-hash
    return DigestUtils.sha256Hex(rawPassword);
  }
}
