// bastion-fixture: src/Api/Auth/Tokens.cs
public class Tokens
{
// expect: hardcoded-credentials
    private const string JwtSecret = "super-secret-signing-key-123";
    public SymmetricSecurityKey Key() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JwtSecret));
}
