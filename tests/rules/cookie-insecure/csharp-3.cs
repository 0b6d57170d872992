// bastion-fixture: Controllers/AccountController.cs
public class AccountController : Controller
{
    [HttpPost]
    public IActionResult Login(string user)
    {
        var token = _tokens.Issue(user);
        // A token cookie stays a finding, even one whose name also mentions the theme.
// expect: cookie-insecure
        Response.Cookies.Append(ThemeHelpers.ThemeSessionToken, token, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(1) });
        return Ok();
    }
}
