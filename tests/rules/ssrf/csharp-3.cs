// bastion-fixture: Controllers/AvatarController.cs
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

public class AvatarController : Controller
{
    private readonly IPictureResolver pictures;
    private readonly HttpClient http;

    public AvatarController(IPictureResolver pictures, HttpClient http)
    {
        this.pictures = pictures;
        this.http = http;
    }

    [HttpGet("avatar/{id}")]
    public async Task<IActionResult> Avatar(string id)
    {
        // The picture URL is the one kept for the user: the resolver decides it.
        var picture = await pictures.ResolveAsync(id);
        // expect: ssrf
        var body = await http.GetStringAsync(picture);
        return Content(body);
    }

    [HttpGet("fetch")]
    public async Task<IActionResult> Fetch(string url)
    {
        // expect: ssrf
        var body = await http.GetStringAsync(string.Format("{0}", url.Trim()));
        return Content(body);
    }
}
