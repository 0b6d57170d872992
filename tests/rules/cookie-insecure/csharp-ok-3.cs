// bastion-fixture: Controllers/HomeController.cs
// ok: cookie-insecure
public class HomeController : Controller
{
    // Display preferences: the chosen theme and culture, no session or token.
    [HttpPost]
    [ValidateAntiForgeryToken]
    public IActionResult SelectTheme(string theme, string returnUrl)
    {
        Response.Cookies.Append(
            ThemeHelpers.CookieThemeKey,
            theme,
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1) }
        );
        Response.Cookies.Append("lang", "de", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1) });
        return LocalRedirect(returnUrl);
    }
}
