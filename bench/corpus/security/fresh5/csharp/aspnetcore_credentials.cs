using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Accounts.Services;

public sealed class CredentialService
{
    private const int Iterations = 210_000;
    private readonly byte[] _dataKey;

    public CredentialService(IConfiguration configuration)
    {
        _dataKey = Convert.FromBase64String(configuration["Crypto:DataKey"]
            ?? throw new InvalidOperationException("Crypto:DataKey missing"));
    }

    public string LegacyPasswordHash(string password)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        return Convert.ToHexString(SHA1.HashData(bytes)); // vuln: CWE-328
    }

    public string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, 32); // safe: CWE-328
        return $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    public bool VerifyPassword(string password, string stored)
    {
        var parts = stored.Split('.', 2);
        if (parts.Length != 2)
        {
            return false;
        }
        var salt = Convert.FromBase64String(parts[0]);
        var expected = Convert.FromBase64String(parts[1]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, 32);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public string ProtectTaxNumber(string taxNumber)
    {
        using var aes = Aes.Create();
        aes.Key = _dataKey;
        aes.Mode = CipherMode.ECB; // vuln: CWE-327
        aes.Padding = PaddingMode.PKCS7;

        using var encryptor = aes.CreateEncryptor();
        var plain = Encoding.UTF8.GetBytes(taxNumber);
        return Convert.ToBase64String(encryptor.TransformFinalBlock(plain, 0, plain.Length));
    }

    public string CreatePasswordResetCode()
    {
        var random = new Random();
        return random.Next(100_000, 1_000_000).ToString(); // vuln: CWE-330
    }

    public string CreateApiKey()
    {
        var bytes = RandomNumberGenerator.GetBytes(32); // safe: CWE-330
        return "ak_" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
