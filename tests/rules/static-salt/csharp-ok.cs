// bastion-fixture: Services/PasswordHasher.cs
// ok: static-salt
using System.Security.Cryptography;

public class PasswordHasher
{
    public (byte[] Salt, byte[] Hash) Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, 600000, HashAlgorithmName.SHA256, 32);
        return (salt, hash);
    }
}
