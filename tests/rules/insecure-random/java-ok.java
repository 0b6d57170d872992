// bastion-fixture: src/main/java/demo/Invites.java
// ok: insecure-random
class Invites {
  private final SecureRandom rng = new SecureRandom();
  String inviteCode() {
    return Long.toString(rng.nextLong(), 36);
  }
  long backoffMillis() {
    return 100 + new Random().nextInt(50);
  }
}
