// bastion-fixture: src/Api/Controllers/ImportController.cs
public class ImportController : ControllerBase
{
    [HttpPost("api/import")]
    public async Task<IActionResult> Import([FromForm] string url, [FromForm] string host, CancellationToken ct)
    {
        using var httpClient = httpClientFactory.CreateClient();
// expect: ssrf
        using var response = await httpClient.GetAsync(url, ct);
// expect: ssrf
        var body = await loader.GetAsync("https://" + host + "/feed.xml", ct);
        return Ok();
    }
}
