// bastion-fixture: src/Storage/Exporter.cs
using System.IO;

public class Exporter
{
    public void Publish(string path)
    {
// expect: permissive-file-mode
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);
    }
}
