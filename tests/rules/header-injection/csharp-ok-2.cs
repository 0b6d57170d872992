// bastion-fixture: src/Hooks/Endpoints/CheckEndpoint.cs
// ok: header-injection
// Kestrel refuses control characters in response header values: echoing a request header
// back cannot split the response.
public class CheckController : ControllerBase
{
    [HttpOptions("check")]
    public IActionResult Check([FromHeader(Name = "X-Check")] string value)
    {
        Response.Headers.Append("X-Check", value);
        Response.Headers["X-Echo"] = value;
        return Ok();
    }
}
