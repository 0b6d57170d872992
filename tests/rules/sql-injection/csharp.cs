// bastion-fixture: Controllers/UsersController.cs
[ApiController]
public class UsersController : ControllerBase
{
    [HttpGet("users")]
    public IActionResult Get([FromQuery] string name)
    {
// expect: sql-injection
        var rows = _db.Users.FromSqlRaw($"SELECT * FROM users WHERE name = '{name}'").ToList();
        return Ok(rows);
    }
}
