// bastion-fixture: Controllers/AccountsController.cs
using Microsoft.AspNetCore.Mvc;

public class Account
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string Role { get; set; } = "member";
}

[ApiController]
[Route("api/accounts")]
public class AccountsController : ControllerBase
{
    private readonly AppDbContext _db;

    public AccountsController(AppDbContext db) => _db = db;

    [HttpPut("{id:int}")]
    public async Task<IActionResult> Replace(int id, [FromBody] Account account)
    {
        if (id != account.Id) return BadRequest();
// expect: mass-assignment
        _db.Accounts.Update(account);
        await _db.SaveChangesAsync();
        return NoContent();
    }
}
