// bastion-fixture: src/Web/Controllers/AccountController.cs
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

public class AccountController : Controller
{
    public IActionResult Login(string token)
    {
        // A token with a lifetime ahead of it, not a cookie being cleared.
// expect: cookie-insecure
        Response.Cookies.Append("auth_token", token, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(7) });
        return Ok();
    }
}
