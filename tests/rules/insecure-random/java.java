// bastion-fixture: src/main/java/demo/Invites.java
class Invites {
  String inviteCode() {
// expect: insecure-random
    return Long.toString(new Random().nextLong(), 36);
  }
}
