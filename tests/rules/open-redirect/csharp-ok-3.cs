// bastion-fixture: src/Web/Controllers/OAuthController.cs
// ok: open-redirect
public class OAuthController : ControllerBase
{
    // The request's query is carried to a fixed local path.
    [HttpGet("oauth/authorize")]
    public IActionResult Authorize()
    {
        var query = Request.Query.ToDictionary(kvp => kvp.Key, kvp => (string?)kvp.Value.ToString());
        var authorizeUrl = QueryHelpers.AddQueryString("/next/oauth/authorize", query);
        return Redirect(authorizeUrl);
    }
}
