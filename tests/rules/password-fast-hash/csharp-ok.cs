// bastion-fixture: src/Shop.Web/Services/FileService.cs
// ok: password-fast-hash
// A digest of file contents for deduplication; passwords go through ASP.NET's hasher.
using System;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Shop.Web.Services
{
    public class FileService
    {
        private readonly IPasswordHasher<object> _hasher = new PasswordHasher<object>();

        public string Fingerprint(byte[] content)
        {
            using var sha = SHA256.Create();
            return Convert.ToHexString(sha.ComputeHash(content));
        }

        public string HashPassword(string password) => _hasher.HashPassword(new object(), password);
    }
}
