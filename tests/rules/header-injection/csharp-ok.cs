// bastion-fixture: src/Api/Controllers/HeaderInjectionController.cs
public class HeaderInjectionController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: header-injection
        Response.Headers.Add("X-Name", Uri.EscapeDataString(v));
        return Ok();
    }
}
