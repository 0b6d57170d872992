// bastion-fixture: src/main/java/demo/config/Defaults.java
public final class Defaults {
  // Mixed case and digits around a dot: a secret, not a settings key.
// expect: hardcoded-credentials
  public static final String S3_SECRET_KEY = "wJalr.XUtnFEMI7K9MDENG";
}
