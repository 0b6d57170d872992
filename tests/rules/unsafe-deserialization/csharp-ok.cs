// bastion-fixture: src/Api/Controllers/UnsafeDeserializationController.cs
public class UnsafeDeserializationController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: unsafe-deserialization
        var prefs = JsonSerializer.Deserialize<Prefs>(v);
        return Ok();
    }
}
