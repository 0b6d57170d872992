// bastion-fixture: src/Api/Controllers/SsrfController.cs
public class SsrfController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: ssrf
        var page = _http.GetStringAsync("https://status.example.com/health");
        return Ok();
    }
}
