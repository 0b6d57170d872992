// bastion-fixture: src/Web/Controllers/ReturnController.cs
public class ReturnController : ControllerBase
{
    // The base of the URL is the caller's: the query helper does not fix the host.
    [HttpGet("return")]
    public IActionResult Return([FromQuery] string returnUrl)
    {
        var target = QueryHelpers.AddQueryString(returnUrl, "done", "1");
// expect: open-redirect
        return Redirect(target);
    }
}
