// bastion-fixture: src/Api/Controllers/CommandInjectionController.cs
public class CommandInjectionController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: command-injection
        Process.Start("zip", "-r out.zip " + v);
        return Ok();
    }
}
