// bastion-fixture: Controllers/PrefsController.cs
[ApiController]
public class PrefsController : ControllerBase
{
    [HttpPost("prefs")]
    public IActionResult Save([FromBody] string blob)
    {
        var bytes = Convert.FromBase64String(blob);
// expect: unsafe-deserialization
        var prefs = new BinaryFormatter().Deserialize(new MemoryStream(bytes));
        var p2 = JsonSerializer.Deserialize<Prefs>(blob);
        return Ok();
    }
}
