// bastion-fixture: Services/Tokens.cs
public class Tokens
{
    private static readonly Random Rng = new Random();

    public string ResetToken()
    {
        var random = new Random();
// expect: insecure-random
        return random.Next(100000, 999999).ToString();
    }

    public void Login(HttpContext ctx)
    {
// expect: insecure-random
        var value = Rng.Next().ToString("x");
        ctx.Response.Cookies.Append("sid", value, new CookieOptions { Secure = true });
    }

// expect: insecure-random
    string InviteCode() => new Random().Next(100000, 999999).ToString();
}
