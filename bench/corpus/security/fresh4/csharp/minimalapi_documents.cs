using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient("integrations", c => c.Timeout = TimeSpan.FromSeconds(10));
builder.Services.AddAuthorization();
var app = builder.Build();

var storageRoot = Path.GetFullPath(builder.Configuration["Storage:Root"] ?? "/var/app/documents");
var outputDir = Path.Combine(storageRoot, "converted");
var allowedWebhookHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
{
    "hooks.slack.com",
    "events.pagerduty.com",
    "outlook.office.com",
};

app.MapGet("/documents/{tenant}/download", (string tenant, [FromQuery] string file) =>
{
    var path = Path.Combine(storageRoot, tenant, file);
    if (!File.Exists(path))
    {
        return Results.NotFound();
    }
    var stream = File.OpenRead(path); // vuln: CWE-22
    return Results.File(stream, "application/octet-stream", Path.GetFileName(path));
});

app.MapGet("/documents/{tenant}/preview", (string tenant, [FromQuery] string file) =>
{
    var requested = Path.GetFullPath(Path.Combine(storageRoot, tenant, file));
    if (!requested.StartsWith(storageRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
    {
        return Results.BadRequest(new { error = "invalid path" });
    }
    return Results.File(File.OpenRead(requested), "application/pdf"); // safe: CWE-22
});

app.MapPost("/documents/convert", async (ConvertRequest req) =>
{
    var source = Path.Combine(storageRoot, "inbox", Path.GetFileName(req.FileName));
    var shellArgs = $"-c \"soffice --headless --convert-to {req.Format} --outdir {outputDir} '{source}'\"";
    var psi = new ProcessStartInfo("/bin/sh", shellArgs)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    using var proc = Process.Start(psi); // vuln: CWE-78
    await proc!.WaitForExitAsync();
    return proc.ExitCode == 0
        ? Results.Ok(new { converted = Path.ChangeExtension(Path.GetFileName(source), req.Format) })
        : Results.Problem("conversion failed");
});

app.MapPost("/documents/{id:guid}/thumbnail", async (Guid id) =>
{
    var source = Path.Combine(storageRoot, "inbox", id.ToString("N") + ".pdf");
    var psi = new ProcessStartInfo("pdftoppm") { UseShellExecute = false };
    psi.ArgumentList.Add("-png");
    psi.ArgumentList.Add("-singlefile");
    psi.ArgumentList.Add(source);
    psi.ArgumentList.Add(Path.Combine(outputDir, id.ToString("N")));
    using var proc = Process.Start(psi); // safe: CWE-78
    await proc!.WaitForExitAsync();
    return Results.Ok(new { thumbnail = $"/documents/thumbs/{id:N}.png" });
});

app.MapPost("/integrations/webhooks/test", async (WebhookTest body, IHttpClientFactory factory) =>
{
    var client = factory.CreateClient("integrations");
    var payload = new { text = body.Message ?? "Test notification from Documents" };
    var response = await client.PostAsJsonAsync(body.Url, payload); // vuln: CWE-918
    return Results.Ok(new { status = (int)response.StatusCode });
}).RequireAuthorization();

app.MapPost("/integrations/webhooks", async (WebhookTest body, IHttpClientFactory factory) =>
{
    if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var uri)
        || uri.Scheme != Uri.UriSchemeHttps
        || !allowedWebhookHosts.Contains(uri.Host))
    {
        return Results.BadRequest(new { error = "webhook host not allowed" });
    }
    var client = factory.CreateClient("integrations");
    var response = await client.PostAsJsonAsync(uri, new { text = body.Message }); // safe: CWE-918
    return Results.Ok(new { status = (int)response.StatusCode });
}).RequireAuthorization();

app.Run();

record ConvertRequest(string FileName, string Format);
record WebhookTest(string Url, string? Message);
