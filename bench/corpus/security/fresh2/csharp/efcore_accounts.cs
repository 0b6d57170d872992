using System;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Accounts.Api
{
    public class Account
    {
        public int Id { get; set; }
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public bool IsAdmin { get; set; }
        public decimal CreditLimit { get; set; }
        public string TenantId { get; set; } = "";
    }

    public class AccountsDbContext : DbContext
    {
        public AccountsDbContext(DbContextOptions<AccountsDbContext> options) : base(options) { }
        public DbSet<Account> Accounts => Set<Account>();
    }

    public class UpdateProfileDto
    {
        [Required, MaxLength(100)] public string DisplayName { get; set; } = "";
        [EmailAddress] public string Email { get; set; } = "";
    }

    public class RegisterDto
    {
        [Required, EmailAddress] public string Email { get; set; } = "";
        [Required, MinLength(10)] public string Password { get; set; } = "";
    }

    [ApiController]
    [Route("api/accounts")]
    public class AccountsController : ControllerBase
    {
        private readonly AccountsDbContext _db;

        public AccountsController(AccountsDbContext db) => _db = db;

        private static string HashPassword(string password)
        {
            using var md5 = MD5.Create();
            var bytes = md5.ComputeHash(Encoding.UTF8.GetBytes(password)); // vuln: CWE-328
            return Convert.ToHexString(bytes);
        }

        [HttpPost("register")]
        [AllowAnonymous]
        public async Task<IActionResult> Register([FromBody] RegisterDto dto)
        {
            var account = new Account { Email = dto.Email, DisplayName = dto.Email.Split('@')[0], PasswordHash = HashPassword(dto.Password) };
            _db.Accounts.Add(account);
            await _db.SaveChangesAsync();
            return CreatedAtAction(nameof(Get), new { id = account.Id }, new { account.Id, account.Email });
        }

        [HttpGet("{id:int}")]
        [Authorize]
        public async Task<IActionResult> Get(int id)
        {
            var account = await _db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
            return account is null ? NotFound() : Ok(new { account.Id, account.Email, account.DisplayName });
        }

        [HttpGet("search")]
        [Authorize(Roles = "Support")]
        public async Task<IActionResult> Search(string email, string tenant)
        {
            var matches = await _db.Accounts
                .FromSqlInterpolated($"SELECT * FROM Accounts WHERE TenantId = {tenant} AND Email LIKE {email + "%"}") // safe: CWE-89
                .Select(a => new { a.Id, a.Email, a.DisplayName })
                .ToListAsync();
            return Ok(matches);
        }

        [HttpGet("by-domain")]
        [Authorize(Roles = "Support")]
        public async Task<IActionResult> ByDomain([FromQuery] string domain, [FromQuery] string orderBy = "Email")
        {
            var sql = "SELECT * FROM Accounts WHERE Email LIKE '%@" + domain + "' ORDER BY " + orderBy;
            var matches = await _db.Accounts.FromSqlRaw(sql).Select(a => new { a.Id, a.Email }).ToListAsync(); // vuln: CWE-89
            return Ok(matches);
        }

        [HttpPut("me")]
        [Authorize]
        public async Task<IActionResult> UpdateMe([FromBody] UpdateProfileDto dto)
        {
            var id = int.Parse(User.FindFirst("sub")!.Value);
            var account = await _db.Accounts.FindAsync(id);
            if (account is null) return NotFound();
            _db.Entry(account).CurrentValues.SetValues(dto); // safe: CWE-915
            await _db.SaveChangesAsync();
            return NoContent();
        }

        [HttpPut("{id:int}")]
        [Authorize]
        public async Task<IActionResult> Replace(int id, [FromBody] Account account)
        {
            if (id != account.Id) return BadRequest();
            _db.Accounts.Update(account); // vuln: CWE-915
            await _db.SaveChangesAsync();
            return NoContent();
        }
    }
}
