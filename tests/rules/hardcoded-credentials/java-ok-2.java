// bastion-fixture: src/main/java/demo/datasource/AzureConstants.java
// ok: hardcoded-credentials
public final class AzureConstants {
  // Appended to the resource URL to ask Entra ID for a token covering every scope granted.
  public static final String AZURE_SQL_DATABASE_TOKEN_SCOPE = "/.default";
  public static final String OAUTH_TOKEN_PATH = "/oauth2/v2.0/token";

  private AzureConstants() {}
}
