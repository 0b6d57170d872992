// bastion-fixture: Services/Accounts.cs
public class Accounts
{
    public byte[] Hash(string password)
    {
// expect: weak-hash
        using var md5 = MD5.Create();
        return md5.ComputeHash(Encoding.UTF8.GetBytes(password));
    }

    public string Sign(byte[] payload) =>
// expect: weak-hash
        Convert.ToHexString(SHA1.HashData(payload));
}
