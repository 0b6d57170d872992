// bastion-fixture: Services/Accounts.cs
public class Accounts
{
    public byte[] Hash(string password)
    {
// expect: csharp-weak-crypto
        using var md5 = MD5.Create();
        return md5.ComputeHash(Encoding.UTF8.GetBytes(password));
    }
    public ICryptoTransform Enc(byte[] key)
    {
// expect: csharp-weak-crypto
        var des = DES.Create();
        var aes = Aes.Create();
// expect: csharp-weak-crypto
        aes.Mode = CipherMode.ECB;
        return aes.CreateEncryptor();
    }
}
