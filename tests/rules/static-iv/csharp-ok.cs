// bastion-fixture: src/Api/Crypto.cs
// ok: static-iv
public static class Crypto
{
    public static byte[] Seal(byte[] key, byte[] data)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        aes.GenerateIV();
        return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }
}
