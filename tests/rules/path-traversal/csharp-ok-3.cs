// bastion-fixture: src/Api/Controllers/AvatarController.cs
// `IFormFile.Name` is the form field's name (`avatar`), not the client's file name, and
// the upload's stream names no file.
[ApiController]
public class AvatarController : ControllerBase
{
    [HttpPost("avatar/{id}")]
    public async Task<IActionResult> Upload(Guid id, [FromForm] IFormFile avatar)
    {
// ok: path-traversal
        using var stream = System.IO.File.Create(Path.Combine("/srv/avatars", id + "-" + avatar.Name + ".png"));
        await avatar.CopyToAsync(stream);
        return Ok();
    }
}
