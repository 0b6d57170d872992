using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient();
var app = builder.Build();

var storageRoot = Path.GetFullPath(builder.Configuration["Storage:Root"] ?? "/srv/uploads");
var thumbsRoot = Path.Combine(storageRoot, "thumbs") + Path.DirectorySeparatorChar;
var allowedStatusHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "status.stripe.com", "status.github.com" };

app.MapGet("/files", ([FromQuery] string name) =>
{
    var full = Path.Combine(storageRoot, "documents", name);
    if (!File.Exists(full))
    {
        return Results.NotFound();
    }
    return Results.Stream(File.OpenRead(full), "application/octet-stream", Path.GetFileName(full)); // vuln: CWE-22
});

app.MapGet("/thumbnails", ([FromQuery] string name) =>
{
    var candidate = Path.GetFullPath(Path.Combine(thumbsRoot, name));
    if (!candidate.StartsWith(thumbsRoot, StringComparison.Ordinal) || !File.Exists(candidate))
    {
        return Results.NotFound();
    }
    return Results.File(candidate, "image/png"); // safe: CWE-22
});

app.MapPost("/archives", async (ArchiveRequest req) =>
{
    var outFile = Path.Combine(storageRoot, "archives", $"{Guid.NewGuid():N}.tgz");
    using var proc = Process.Start("/bin/sh", $"-c \"tar -czf {outFile} -C {storageRoot} {req.Folder}\"")!; // vuln: CWE-78
    await proc.WaitForExitAsync();
    return proc.ExitCode == 0 ? Results.Ok(new { archive = Path.GetFileName(outFile) }) : Results.Problem("archive failed");
});

app.MapGet("/media/probe", async ([FromQuery] string name) =>
{
    var candidate = Path.GetFullPath(Path.Combine(thumbsRoot, name));
    if (!candidate.StartsWith(thumbsRoot, StringComparison.Ordinal))
    {
        return Results.BadRequest();
    }

    var psi = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var arg in new[] { "-v", "quiet", "-print_format", "json", "-show_format", candidate })
    {
        psi.ArgumentList.Add(arg);
    }

    using var proc = Process.Start(psi)!; // safe: CWE-78
    var output = await proc.StandardOutput.ReadToEndAsync();
    await proc.WaitForExitAsync();
    return Results.Content(output, "application/json");
});

app.MapPost("/webhooks/test", async ([FromBody] WebhookTest body, IHttpClientFactory factory) =>
{
    var client = factory.CreateClient();
    var response = await client.PostAsJsonAsync(body.CallbackUrl, new { ping = true, sentAt = DateTimeOffset.UtcNow }); // vuln: CWE-918
    return Results.Ok(new { status = (int)response.StatusCode });
});

app.MapGet("/integrations/status", async ([FromQuery] string host, IHttpClientFactory factory) =>
{
    if (!allowedStatusHosts.Contains(host))
    {
        return Results.BadRequest(new { error = "unknown host" });
    }
    var json = await factory.CreateClient().GetStringAsync($"https://{host}/api/v2/status.json"); // safe: CWE-918
    return Results.Content(json, "application/json");
});

app.Run();

record ArchiveRequest(string Folder);

record WebhookTest(string CallbackUrl);
