// bastion-fixture: src/Api/Controllers/TrustBoundaryViolationController.cs
public class TrustBoundaryViolationController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: trust-boundary-violation
        HttpContext.Session.SetString("visited", "yes");
        return Ok();
    }
}
