// bastion-fixture: src/Auth/AuthConstants.cs
// ok: hardcoded-credentials
public static class AuthConstants
{
    public const string TokenEndpointPath = "/connect/token";
    public const string ApiTokenScope = "/.default";
}
