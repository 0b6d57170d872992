using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ledgerly.Api.Controllers
{
    public class UserAccount
    {
        public int Id { get; set; }
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public bool IsAdmin { get; set; }
        public string? ResetCode { get; set; }
        public DateTime? ResetExpiresAt { get; set; }
        public string? ApiKey { get; set; }
    }

    public record RegisterRequest(string Email, string DisplayName, string Password);

    public record ResetRequest(string Email);

    [ApiController]
    [Route("api/accounts")]
    public class AccountsController : ControllerBase
    {
        private static readonly Random Rng = new Random();
        private readonly AccountsContext _db;

        public AccountsController(AccountsContext db)
        {
            _db = db;
        }

        private static string HashPassword(string password)
        {
            using var md5 = MD5.Create();
            var digest = md5.ComputeHash(Encoding.UTF8.GetBytes(password)); // vuln: CWE-328
            return Convert.ToHexString(digest);
        }

        [HttpPost("register")]
        [AllowAnonymous]
        public async Task<IActionResult> Register([FromBody] RegisterRequest req)
        {
            var user = new UserAccount
            {
                Email = req.Email.Trim().ToLowerInvariant(),
                DisplayName = req.DisplayName,
                PasswordHash = HashPassword(req.Password)
            };
            _db.Users.Add(user);
            await _db.SaveChangesAsync();
            return Created($"/api/accounts/{user.Id}", new { user.Id, user.Email });
        }

        [HttpPost("password-reset")]
        [AllowAnonymous]
        public async Task<IActionResult> RequestReset([FromBody] ResetRequest req)
        {
            var user = await _db.Users.SingleOrDefaultAsync(u => u.Email == req.Email);
            if (user != null)
            {
                var code = Rng.Next(100000, 999999).ToString(); // vuln: CWE-330
                user.ResetCode = code;
                user.ResetExpiresAt = DateTime.UtcNow.AddMinutes(15);
                await _db.SaveChangesAsync();
            }
            return Accepted();
        }

        [HttpPost("{id:int}/api-key")]
        [Authorize]
        public async Task<IActionResult> RotateApiKey(int id)
        {
            var user = await _db.Users.FindAsync(id);
            if (user == null) return NotFound();
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // safe: CWE-330
            user.ApiKey = key;
            await _db.SaveChangesAsync();
            return Ok(new { apiKey = key });
        }

        [HttpPut("{id:int}")]
        [Authorize]
        public async Task<IActionResult> UpdateProfile(int id, [FromBody] UserAccount incoming)
        {
            var existing = await _db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
            if (existing == null) return NotFound();
            incoming.Id = id;
            _db.Users.Update(incoming); // vuln: CWE-915
            await _db.SaveChangesAsync();
            return NoContent();
        }

        [HttpPost("remember-device")]
        [Authorize]
        public IActionResult RememberDevice([FromForm] string locale)
        {
            var deviceToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            Response.Cookies.Append("ldg_device", deviceToken, new CookieOptions
            {
                HttpOnly = false, // vuln: CWE-1004
                Secure = true,
                Expires = DateTimeOffset.UtcNow.AddDays(90)
            });
            Response.Cookies.Append("ldg_locale", locale, new CookieOptions
            {
                HttpOnly = true,
                Secure = true, // safe: CWE-614
                SameSite = SameSiteMode.Lax
            });
            return NoContent();
        }
    }

    public class AccountsContext : DbContext
    {
        public AccountsContext(DbContextOptions<AccountsContext> options) : base(options) { }
        public DbSet<UserAccount> Users => Set<UserAccount>();
    }
}
