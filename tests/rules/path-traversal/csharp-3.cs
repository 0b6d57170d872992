// bastion-fixture: src/Api/Controllers/UploadController.cs
// `IFormFile.FileName` is the name from the request's Content-Disposition header.
[ApiController]
public class UploadController : ControllerBase
{
    [HttpPost("upload")]
    public async Task<IActionResult> Upload([FromForm] IFormFile file)
    {
// expect: path-traversal
        using var stream = System.IO.File.Create(Path.Combine("/srv/uploads", file.FileName));
        await file.CopyToAsync(stream);
        return Ok();
    }
}
