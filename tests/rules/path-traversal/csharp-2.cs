// bastion-fixture: src/Api/Controllers/CoverController.cs
public class CoverController : ControllerBase
{
    [HttpGet("cover")]
    public async Task<IActionResult> Cover([FromQuery] string id, [FromQuery] string folder)
    {
        // Path.Combine is a path helper, not a lookup: the query text stays in the path.
        var name = Path.Combine(_covers.Directory, id);
// expect: path-traversal
        var bytes = System.IO.File.ReadAllBytes(name);
        // The check only logs: the name still reaches the disk.
        if (folder.Contains("..")) _logger.LogWarning("parent step");
// expect: path-traversal
        var listed = System.IO.File.ReadAllBytes(Path.Join(_covers.Directory, folder));
        return Ok();
    }
}
