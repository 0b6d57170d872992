// bastion-fixture: src/Api/Controllers/UserManagementController.cs
// ok: ssrf
public class UserManagementController : ControllerBase
{
    [HttpDelete("api/user-management/{id}")]
    public async Task<IActionResult> DeleteUser(string id, CancellationToken ct)
    {
        await userService.DeleteAsync(id, ct);
        return NoContent();
    }

    [HttpGet("api/assets/{idOrSlug}")]
    public async Task<IActionResult> GetAsset(string idOrSlug, CancellationToken ct)
    {
        var asset = await assetLoader.GetAsync(App.Id, idOrSlug, ct);
        return Ok(asset);
    }
}
