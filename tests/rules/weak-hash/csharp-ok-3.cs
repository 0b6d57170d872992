// bastion-fixture: Api/Controllers/ListingsController.cs
// ok: weak-hash
public class ListingsController : ControllerBase
{
    [HttpPost("providers")]
    [SuppressMessage("Microsoft.Security", "CA5350:DoNotUseWeakCryptographicAlgorithms", Justification = "The listings API expects the SHA-1 of the password")]
    public ActionResult Add([FromQuery] string pw)
    {
        var digest = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(pw)));
        return Ok(digest);
    }
}
