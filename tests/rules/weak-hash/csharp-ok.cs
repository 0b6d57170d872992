// bastion-fixture: Services/Accounts.cs
// ok: weak-hash
public class Accounts
{
    public string Etag(byte[] body)
    {
        using var md5 = MD5.Create();
        return Convert.ToHexString(md5.ComputeHash(body));
    }
    public string Hash(User u, string password) =>
        _hasher.HashPassword(u, password);
    public string Digest(byte[] body) => Convert.ToHexString(SHA256.HashData(body));
}
