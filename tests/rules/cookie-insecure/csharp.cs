// bastion-fixture: Controllers/SessionController.cs
public class SessionController : ControllerBase
{
    public IActionResult Login()
    {
// expect: cookie-insecure
        Response.Cookies.Append("sid", sid, new CookieOptions { Secure = false, HttpOnly = false });
// expect: cookie-insecure
        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.None);
        return Ok();
    }
}
