// bastion-fixture: src/Api/Controllers/UserManagementController.cs
// ok: sql-injection
public class UserManagementController : ControllerBase
{
    [HttpGet("api/user-management")]
    public async Task<IActionResult> GetUsers([FromQuery] string? query = null, [FromQuery] int take = 10)
    {
        var users = await userService.QueryAsync(query, take, 0, HttpContext.RequestAborted);
        return Ok(users);
    }
}
