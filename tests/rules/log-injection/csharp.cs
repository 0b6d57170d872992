// bastion-fixture: src/Api/Controllers/LogInjectionController.cs
public class LogInjectionController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: log-injection
        _logger.LogInformation("user " + v);
        return Ok();
    }
}
