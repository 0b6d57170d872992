// bastion-fixture: Helpers/Filters/ETagFromFilename.cs
// ok: weak-hash
public static class ETagFromFilename
{
    // An HTTP validator: a changed digest only makes the client fetch the file again.
    private static string GenerateETag(byte[] data)
    {
        using var md5 = MD5.Create();
        return Convert.ToHexString(md5.ComputeHash(data));
    }
}
