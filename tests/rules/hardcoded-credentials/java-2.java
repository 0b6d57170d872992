// bastion-fixture: src/main/java/demo/Keys.java
public final class Keys {
  // A secret that starts with a slash is still a secret: mixed case and digits.
// expect: hardcoded-credentials
  public static final String API_TOKEN = "/xK9fQ2mZ7pL4wR8t";
}
