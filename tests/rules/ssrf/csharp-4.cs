// bastion-fixture: src/Web/Controllers/PreviewController.cs
public class PreviewController : ControllerBase
{
    // An HTTP client asked for the URL the caller gives.
    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string url)
    {
// expect: ssrf
        var page = await httpClient.GetAsync(url);
        return Ok(await page.Content.ReadAsStringAsync());
    }
}
