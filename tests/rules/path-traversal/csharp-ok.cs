// bastion-fixture: src/Api/Controllers/PathTraversalController.cs
public class PathTraversalController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// ok: path-traversal
        var text = System.IO.File.ReadAllText("/data/" + Path.GetFileName(v));
        return Ok();
    }
}
