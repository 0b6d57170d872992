using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contoso.Media.Api;

public sealed class MediaOptions
{
    public string Root { get; set; } = "/srv/media";
    public string FfmpegPath { get; set; } = "/usr/bin/ffmpeg";
}

public static class MediaEndpoints
{
    private static readonly Regex ClipName = new("^[A-Za-z0-9_-]{1,80}\\.(mp4|mov|webm)$", RegexOptions.Compiled);

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/media").RequireAuthorization();

        group.MapGet("/download", (string file, IOptions<MediaOptions> opts, HttpContext ctx, ILogger<MediaOptions> log) =>
        {
            var agent = ctx.Request.Headers.UserAgent.ToString();
            log.LogInformation("Download of " + file + " requested by client " + agent); // vuln: CWE-117
            var path = Path.Combine(opts.Value.Root, "exports", file);
            return Results.File(path, "application/octet-stream", Path.GetFileName(path)); // vuln: CWE-22
        });

        group.MapGet("/library/{*relative}", (string relative, IOptions<MediaOptions> opts) =>
        {
            var libraryRoot = Path.GetFullPath(Path.Combine(opts.Value.Root, "library")) + Path.DirectorySeparatorChar;
            var fullPath = Path.GetFullPath(Path.Combine(libraryRoot, relative));
            if (!fullPath.StartsWith(libraryRoot, StringComparison.Ordinal) || !File.Exists(fullPath))
            {
                return Results.NotFound();
            }
            return Results.File(fullPath, "application/octet-stream"); // safe: CWE-22
        });

        group.MapPost("/clips/{name}/poster", async (string name, int? second, IOptions<MediaOptions> opts) =>
        {
            if (!ClipName.IsMatch(name))
            {
                return Results.BadRequest("invalid clip name");
            }
            var at = Math.Clamp(second ?? 1, 0, 3600);
            var input = Path.Combine(opts.Value.Root, "clips", name);
            var output = Path.Combine(opts.Value.Root, "posters", Path.ChangeExtension(name, ".jpg"));
            var psi = new ProcessStartInfo(opts.Value.FfmpegPath) { RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-y", "-ss", at.ToString(), "-i", input, "-frames:v", "1", output })
            {
                psi.ArgumentList.Add(arg);
            }
            using var proc = Process.Start(psi); // safe: CWE-78
            await proc!.WaitForExitAsync();
            return proc.ExitCode == 0 ? Results.Ok(new { poster = Path.GetFileName(output) }) : Results.StatusCode(500);
        });

        group.MapPost("/clips/transcode", async (TranscodeRequest req, IOptions<MediaOptions> opts) =>
        {
            var clipsDir = Path.Combine(opts.Value.Root, "clips");
            var cmdLine = $"cd {clipsDir} && {opts.Value.FfmpegPath} -i \"{req.Source}\" -vf scale={req.Scale} -b:v {req.Bitrate} \"{req.Target}\"";
            var psi = new ProcessStartInfo("/bin/bash", "-c \"" + cmdLine.Replace("\"", "\\\"") + "\"")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
            };
            using var proc = Process.Start(psi); // vuln: CWE-78
            await proc!.WaitForExitAsync();
            return Results.Accepted(value: new { target = req.Target, exit = proc.ExitCode });
        });

        return app;
    }
}

public sealed record TranscodeRequest(string Source, string Target, string Scale, string Bitrate);
