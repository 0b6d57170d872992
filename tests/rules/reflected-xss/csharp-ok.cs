// bastion-fixture: src/Api/Controllers/ReflectedXssController.cs
public class ReflectedXssController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: reflected-xss
        var page = Content("<h1>" + HtmlEncoder.Default.Encode(v) + "</h1>", "text/html");
        return Ok();
    }
}
