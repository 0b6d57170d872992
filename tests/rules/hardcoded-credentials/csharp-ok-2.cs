// bastion-fixture: src/Api/Constants/PolicyConstants.cs
// ok: hardcoded-credentials
public static class PolicyConstants
{
    // Names, messages and URLs under a secret-sounding name are not credentials.
    public const string ChangePasswordRole = "Change Password";
    public const string PasswordResetTemplateUrl = "https://example.org/templates/password-reset.html";
    public const string TokenExpiredMessage = "Your access token has expired, please log in again";
    public const string RefreshTokenKey = "RefreshToken";
    public const string ApiKeyFormat = "{apiKey}-{userId}";
}
