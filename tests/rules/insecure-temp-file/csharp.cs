// bastion-fixture: src/Export/CsvExport.cs
using System.IO;

public class CsvExport
{
    public void Write(string rows)
    {
// expect: insecure-temp-file
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "export.csv"), rows);
    }
}
