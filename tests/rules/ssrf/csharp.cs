// bastion-fixture: src/Api/Controllers/SsrfController.cs
public class SsrfController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: ssrf
        var page = _http.GetStringAsync(v);
        return Ok();
    }
}
