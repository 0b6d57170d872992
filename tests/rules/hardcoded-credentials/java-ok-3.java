// bastion-fixture: src/main/java/demo/config/SettingKeys.java
// ok: hardcoded-credentials
public final class SettingKeys {
  // Names of rows in the settings table; the values live in the database.
  public static final String S3_ACCESS_KEY = "s3.access_key";
  public static final String S3_SECRET_KEY = "s3.secret_key";
  public static final String OAUTH2_CLIENT_SECRET = "oauth2.github.client_secret";

  private SettingKeys() {}
}
