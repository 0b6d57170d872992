using System.Diagnostics;
using System.Xml;

namespace Docs.Api.Endpoints;

public record ImportedDocument(Guid Id, string Title, int Sections);

public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocuments(this IEndpointRouteBuilder app, string storageRoot)
    {
        var root = Path.GetFullPath(storageRoot);
        var publishedRoot = Path.Combine(root, "published") + Path.DirectorySeparatorChar;
        var group = app.MapGroup("/documents").RequireAuthorization();

        group.MapGet("/download", (string file) =>
        {
            var path = Path.Combine(root, "published", file);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }
            return Results.File(File.OpenRead(path), "application/octet-stream", Path.GetFileName(path)); // vuln: CWE-22
        });

        group.MapGet("/preview", (string path) =>
        {
            var full = Path.GetFullPath(Path.Combine(publishedRoot, path));
            if (!full.StartsWith(publishedRoot, StringComparison.Ordinal) || !File.Exists(full))
            {
                return Results.BadRequest("invalid path");
            }
            return Results.File(full, "application/pdf"); // safe: CWE-22
        });

        group.MapPost("/import", async (HttpRequest request, ILogger<ImportedDocument> logger) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            buffer.Position = 0;

            var doc = new XmlDocument { XmlResolver = new XmlUrlResolver() }; // vuln: CWE-611
            doc.Load(buffer);

            var id = Guid.NewGuid();
            var title = doc.SelectSingleNode("/document/title")?.InnerText ?? "untitled";
            var sections = doc.SelectNodes("/document/section")?.Count ?? 0;
            doc.Save(Path.Combine(root, "published", id + ".xml"));
            logger.LogInformation("Imported document {Id} with {Sections} sections", id, sections);
            return Results.Created($"/documents/{id}", new ImportedDocument(id, title, sections));
        });

        group.MapPost("/metadata", async (HttpRequest request) =>
        {
            var fields = new Dictionary<string, string>();
            using var reader = XmlReader.Create(request.Body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true }); // safe: CWE-611
            while (await reader.ReadAsync())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "field")
                {
                    var key = reader.GetAttribute("name");
                    if (!string.IsNullOrEmpty(key))
                    {
                        fields[key] = await reader.ReadElementContentAsStringAsync();
                    }
                }
            }
            return Results.Ok(fields);
        });

        group.MapPost("/{id:guid}/convert", async (Guid id, string format) =>
        {
            var source = Path.Combine(root, "published", id + ".odt");
            var outDir = Path.Combine(root, "converted");
            using var proc = Process.Start("/bin/sh", $"-c \"soffice --headless --convert-to {format} --outdir {outDir} {source}\""); // vuln: CWE-78
            await proc.WaitForExitAsync();
            if (proc.ExitCode != 0)
            {
                return Results.Problem("conversion failed");
            }
            return Results.Ok(new { id, format });
        });

        return group;
    }
}
