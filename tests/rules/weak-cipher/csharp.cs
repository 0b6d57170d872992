// bastion-fixture: Services/Accounts.cs
public class Accounts
{
    public ICryptoTransform Enc(byte[] key)
    {
// expect: weak-cipher
        var des = DES.Create();
        var aes = Aes.Create();
// expect: weak-cipher
        aes.Mode = CipherMode.ECB;
        return aes.CreateEncryptor();
    }
}
