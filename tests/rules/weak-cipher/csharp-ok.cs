// bastion-fixture: Services/Accounts.cs
// ok: weak-cipher
public class Accounts
{
    public AesGcm Enc(byte[] key) => new AesGcm(key, 16);
    public ICryptoTransform Cbc(Aes aes) { aes.Mode = CipherMode.CBC; return aes.CreateEncryptor(); }
}
