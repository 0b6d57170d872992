// bastion-fixture: Api/Controllers/ListingsController.cs
public class ListingsController : ControllerBase
{
    // A suppression of another analyzer rule says nothing about this digest.
    [HttpPost("providers")]
    [SuppressMessage("Microsoft.Performance", "CA1822:MarkMembersAsStatic")]
    public ActionResult Add([FromQuery] string pw)
    {
// expect: weak-hash
        var digest = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(pw)));
        return Ok(digest);
    }
}
