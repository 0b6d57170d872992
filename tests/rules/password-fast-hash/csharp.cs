// bastion-fixture: src/Shop.Web/Services/AccountService.cs
// Passwords stored as a bare MD5 or SHA-256 digest: billions of guesses a second.
using System;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Web.Services
{
    public class AccountService
    {
        public string HashPassword(string password)
        {
            using var md5 = MD5.Create();
// expect: password-fast-hash
            var digest = md5.ComputeHash(Encoding.UTF8.GetBytes(password));
            return Convert.ToHexString(digest);
        }

        public string HashPassphrase(string passphrase)
        {
// expect: password-fast-hash
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passphrase + "app")));
        }
    }
}
