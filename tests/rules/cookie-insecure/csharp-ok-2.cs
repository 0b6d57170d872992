// bastion-fixture: Controllers/AntiforgeryController.cs
// ok: cookie-insecure
public class AntiforgeryController : Controller
{
    private readonly IAntiforgery _antiforgery;

    // The SPA reads the request token from this cookie and sends it back in the
    // X-XSRF-TOKEN header (double-submit), so script must be able to read it.
    [HttpGet("token")]
    public IActionResult Token()
    {
        var tokens = _antiforgery.GetAndStoreTokens(HttpContext);
        Response.Cookies.Append("XSRF-TOKEN", tokens.RequestToken, new CookieOptions
        {
            HttpOnly = false
        });
        return NoContent();
    }
}
