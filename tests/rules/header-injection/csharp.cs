// bastion-fixture: src/Api/Controllers/HeaderInjectionController.cs
public class HeaderInjectionController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: header-injection
        Response.Headers.Add("X-Name", v);
        return Ok();
    }
}
