// bastion-fixture: Services/PasswordHasher.cs
using System.Security.Cryptography;
using System.Text;

public class LegacyPasswordHasher
{
    public byte[] Hash(string password)
    {
// expect: static-salt
        using var kdf = new Rfc2898DeriveBytes(password, Encoding.UTF8.GetBytes("ledgerly-salt"), 100000, HashAlgorithmName.SHA256);
        return kdf.GetBytes(32);
    }
}
