// bastion-fixture: src/Api/Controllers/ReflectedXssController.cs
public class ReflectedXssController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: reflected-xss
        var page = Content("<h1>" + v + "</h1>", "text/html");
        return Ok();
    }
}
