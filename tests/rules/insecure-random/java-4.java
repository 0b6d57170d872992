// bastion-fixture: src/main/java/demo/sso/SsoUsers.java
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

class SsoUsers {
  void provision(String login) {
    users.create(login, "{noop}" + unusablePassword());
  }

  /**
   * A password nobody types: single sign-on users never log in with one.
   * Placeholder only, so the account row is valid.
   */
  private String unusablePassword() {
    byte[] bytes = new byte[24];
// expect: insecure-random
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  String resetPassword() {
    byte[] bytes = new byte[24];
// expect: insecure-random
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
