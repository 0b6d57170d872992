// bastion-fixture: Controllers/UsersController.cs
// ok: sql-injection
[ApiController]
public class UsersController : ControllerBase
{
    [HttpGet("users")]
    public IActionResult Get([FromQuery] string name)
    {
        var rows = _db.Users.FromSqlInterpolated($"SELECT * FROM users WHERE name = {name}").ToList();
        return Ok(rows);
    }
}
