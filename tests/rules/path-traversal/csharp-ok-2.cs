// bastion-fixture: src/Api/Controllers/CoverController.cs
public class CoverController : ControllerBase
{
    [HttpGet("cover")]
    public async Task<IActionResult> Cover([FromQuery] string id, [FromQuery] string folder)
    {
        // The id only selects a record; the file name is the one the record stores.
        var name = await _unitOfWork.CoverRepository.GetCoverImageAsync(id);
// ok: path-traversal
        var bytes = System.IO.File.ReadAllBytes(Path.Join(_covers.Directory, name));
        // A name containing a parent step is refused before it reaches the disk.
        if (folder.Contains("..")) return BadRequest();
// ok: path-traversal
        var listed = System.IO.File.ReadAllBytes(Path.Join(_covers.Directory, folder));
        return Ok();
    }
}
