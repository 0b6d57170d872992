// bastion-fixture: src/Api/Controllers/OpenRedirectController.cs
public class OpenRedirectController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: open-redirect
        var r = Redirect("/home");
        return Ok();
    }
}
