// bastion-fixture: src/Api/Crypto.cs
public static class Crypto
{
    public static byte[] Seal(byte[] key, byte[] data)
    {
        using var aes = Aes.Create();
        aes.Key = key;
// expect: static-iv
        aes.IV = new byte[16];
        return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }
}
