// bastion-fixture: Controllers/AccountsController.cs
// ok: mass-assignment
using Microsoft.AspNetCore.Mvc;

public record UpdateAccountRequest(string Email);

[ApiController]
[Route("api/accounts")]
public class AccountsController : ControllerBase
{
    private readonly AppDbContext _db;

    public AccountsController(AppDbContext db) => _db = db;

    [HttpPut("{id:int}")]
    public async Task<IActionResult> Replace(int id, [FromBody] UpdateAccountRequest request)
    {
        var account = await _db.Accounts.FindAsync(id);
        if (account is null) return NotFound();
        account.Email = request.Email;
        _db.Accounts.Update(account);
        await _db.SaveChangesAsync();
        return NoContent();
    }
}
