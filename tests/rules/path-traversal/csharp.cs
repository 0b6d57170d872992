// bastion-fixture: src/Api/Controllers/PathTraversalController.cs
public class PathTraversalController : ControllerBase
{
    [HttpGet("x")]
    public IActionResult Handle([FromQuery] string v)
    {
// expect: path-traversal
        var text = System.IO.File.ReadAllText("/data/" + v);
        return Ok();
    }
}
