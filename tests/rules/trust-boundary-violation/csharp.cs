// bastion-fixture: src/Api/Controllers/TrustBoundaryViolationController.cs
public class TrustBoundaryViolationController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: trust-boundary-violation
        HttpContext.Session.SetString("user", v);
        return Ok();
    }
}
