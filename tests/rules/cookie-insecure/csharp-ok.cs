// bastion-fixture: Controllers/SessionController.cs
// ok: cookie-insecure
public class SessionController : ControllerBase
{
    public IActionResult Login()
    {
        Response.Cookies.Append("sid", sid, new CookieOptions { Secure = true, HttpOnly = true });
        var flags = new Flags { Secure = false };
        return Ok();
    }
}
