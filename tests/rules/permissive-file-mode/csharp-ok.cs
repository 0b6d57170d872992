// bastion-fixture: src/Storage/Exporter.cs
// ok: permissive-file-mode
using System.IO;

public class Exporter
{
    public void Publish(string path)
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (File.GetUnixFileMode(path).HasFlag(UnixFileMode.OtherWrite))
        {
            throw new IOException("world-writable");
        }
    }
}
