// bastion-fixture: src/Designer/Controllers/EmbedController.cs
// Newtonsoft's serializer leaves `</script>` as it is: a route value closes the script block.
using Newtonsoft.Json;
using Microsoft.AspNetCore.Mvc;

public class EmbedController : Controller
{
    [HttpGet("embed/{org}")]
    public IActionResult Embed(string org)
    {
        string orgScript = JsonConvert.SerializeObject(org);
        string html = $"<html><body><script>window.org = {orgScript};</script></body></html>";
// expect: reflected-xss
        return Content(html, "text/html; charset=utf-8");
    }
}
