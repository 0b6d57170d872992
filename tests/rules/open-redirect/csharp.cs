// bastion-fixture: src/Api/Controllers/OpenRedirectController.cs
public class OpenRedirectController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: open-redirect
        var r = Redirect(v);
        return Ok();
    }
}
