// bastion-fixture: src/Designer/Controllers/PreviewController.cs
// The route values go into the page's script as JSON literals written by System.Text.Json,
// whose default encoder escapes <, >, & and quotes, and into the title HTML-encoded.
using System.Text.Json;
using System.Web;
using Microsoft.AspNetCore.Mvc;

public class PreviewController : Controller
{
    [HttpGet("preview/{org}/{app}")]
    public IActionResult Preview(string org, string app)
    {
        string orgScript = JsonSerializer.Serialize(org);
        string title = HttpUtility.HtmlEncode(app);
        string html = $"<html><head><title>{title}</title></head><body><script>window.org = {orgScript};</script></body></html>";
// ok: reflected-xss
        return Content(html, "text/html; charset=utf-8");
    }
}
