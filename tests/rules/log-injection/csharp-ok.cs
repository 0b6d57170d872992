// bastion-fixture: src/Api/Controllers/LogInjectionController.cs
public class LogInjectionController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: log-injection
        _logger.LogInformation("user {User}", v);
        return Ok();
    }
}
