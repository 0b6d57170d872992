// bastion-fixture: src/Api/Auth/Tokens.cs
// ok: hardcoded-credentials
public class Tokens
{
    private const string TokenHeader = "x-auth-token";
    private const string CacheKey = "tokens:revoked:v2";
    public const string SecretType = "acme/secret_type";
    private readonly string _secret = Environment.GetEnvironmentVariable("JWT_SECRET");
    public SymmetricSecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_secret));
}
