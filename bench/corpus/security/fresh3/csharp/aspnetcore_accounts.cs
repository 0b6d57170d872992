using System.DirectoryServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Accounts;

public record RegisterRequest(string Email, string Password);
public record ResetRequest(string Email);

public class AccountService
{
    private readonly IntranetDbContext _db;
    private readonly IEmailSender _email;
    private readonly string _ldapPath;

    public AccountService(IntranetDbContext db, IEmailSender email, IConfiguration config)
    {
        _db = db;
        _email = email;
        _ldapPath = config["Directory:Path"] ?? "LDAP://dc01.corp.local/DC=corp,DC=local";
    }

    public async Task RegisterAsync(RegisterRequest req)
    {
        var user = new AppUser
        {
            Email = req.Email.Trim().ToLowerInvariant(),
            PasswordHash = HashPassword(req.Password),
            CreatedAt = DateTime.UtcNow,
        };
        _db.Users.Add(user);
        await _db.SaveChangesAsync();
    }

    private static string HashPassword(string password)
    {
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(password))); // vuln: CWE-328
    }

    public async Task StartPasswordResetAsync(string email)
    {
        var user = await _db.Users.SingleOrDefaultAsync(u => u.Email == email.Trim().ToLowerInvariant());
        if (user is null)
        {
            return;
        }
        var code = new Random().Next(100000, 999999).ToString(); // vuln: CWE-330
        user.ResetCode = code;
        user.ResetExpiresAt = DateTime.UtcNow.AddMinutes(30);
        await _db.SaveChangesAsync();
        await _email.SendAsync(user.Email, "Password reset", $"Your reset code is {code}. It expires in 30 minutes.");
    }

    public async Task<string> IssueApiKeyAsync(int userId)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)); // safe: CWE-330
        _db.ApiKeys.Add(new ApiKey { UserId = userId, KeyHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))), CreatedAt = DateTime.UtcNow });
        await _db.SaveChangesAsync();
        return key;
    }

    public string? FindMail(string username)
    {
        using var entry = new DirectoryEntry(_ldapPath);
        using var searcher = new DirectorySearcher(entry);
        searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + username + "))"; // vuln: CWE-90
        searcher.PropertiesToLoad.Add("mail");
        var result = searcher.FindOne();
        return result?.Properties["mail"].Count > 0 ? result.Properties["mail"][0]?.ToString() : null;
    }

    public List<string> GroupMembers(string groupName)
    {
        using var entry = new DirectoryEntry(_ldapPath);
        using var searcher = new DirectorySearcher(entry) { Filter = $"(&(objectClass=group)(cn={EscapeLdapFilter(groupName)}))" }; // safe: CWE-90
        searcher.PropertiesToLoad.Add("member");
        var group = searcher.FindOne();
        var members = new List<string>();
        if (group != null)
        {
            foreach (var m in group.Properties["member"])
            {
                members.Add(m.ToString()!);
            }
        }
        return members;
    }

    private static string EscapeLdapFilter(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '\\': sb.Append(@"\5c"); break;
                case '*': sb.Append(@"\2a"); break;
                case '(': sb.Append(@"\28"); break;
                case ')': sb.Append(@"\29"); break;
                case '\0': sb.Append(@"\00"); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}

[ApiController]
[Route("api/accounts")]
public class AccountsController : ControllerBase
{
    private readonly AccountService _accounts;

    public AccountsController(AccountService accounts) => _accounts = accounts;

    [HttpPost("register")]
    public async Task<IActionResult> Register([FromBody] RegisterRequest req)
    {
        await _accounts.RegisterAsync(req);
        return StatusCode(201);
    }

    [HttpPost("reset")]
    public async Task<IActionResult> Reset([FromBody] ResetRequest req)
    {
        await _accounts.StartPasswordResetAsync(req.Email);
        return Accepted();
    }

    [Authorize, HttpGet("directory/mail")]
    public IActionResult DirectoryMail([FromQuery] string username) => Ok(new { mail = _accounts.FindMail(username) });

    [Authorize, HttpGet("directory/groups/{name}/members")]
    public IActionResult Members(string name) => Ok(_accounts.GroupMembers(name));

    [Authorize, HttpPost("api-keys")]
    public async Task<IActionResult> CreateKey() => Ok(new { key = await _accounts.IssueApiKeyAsync(int.Parse(User.FindFirst("uid")!.Value)) });
}
