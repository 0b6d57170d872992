// bastion-fixture: src/Web/Mcp/McpContextService.cs
// ok: ssrf
public class McpContextController : ControllerBase
{
    // The cache client reads a key of the app's own cache; no URL is fetched.
    [HttpGet("mcp/{resource}")]
    public async Task<IActionResult> Resolve(string resource)
    {
        var cacheKey = "mcp:context:" + resource;
        var stored = await cacheClient.GetAsync<StoredContext>(cacheKey, null);
        return Ok(stored);
    }
}
