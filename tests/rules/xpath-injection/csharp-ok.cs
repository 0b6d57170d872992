// bastion-fixture: src/Api/Controllers/XpathInjectionController.cs
public class XpathInjectionController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: xpath-injection
        var n = doc.SelectNodes("//user");
        return Ok();
    }
}
