// bastion-fixture: src/Export/CsvExport.cs
// ok: insecure-temp-file
using System.IO;

public class CsvExport
{
    public string Write(string rows)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, rows);
        return path;
    }
}
