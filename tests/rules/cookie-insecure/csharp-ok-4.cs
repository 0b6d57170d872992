// bastion-fixture: src/Web/Controllers/AccountController.cs
// ok: cookie-insecure
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

public class AccountController : Controller
{
    // Logout clears the cookies: an empty value, an expiry at the epoch, a zero age.
    public IActionResult Logout()
    {
        Response.Cookies.Append("auth_token", "", new CookieOptions { Path = "/" });
        Response.Cookies.Append("session", "x", new CookieOptions { Expires = DateTimeOffset.UnixEpoch });
        Response.Cookies.Append("remember_me", string.Empty, new CookieOptions { MaxAge = TimeSpan.Zero });
        return RedirectToAction("Index", "Home");
    }
}
