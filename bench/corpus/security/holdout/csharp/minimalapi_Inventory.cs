using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Inventory.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<InventoryContext>();
builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().AllowAnyMethod())); // safe: CWE-942
var app = builder.Build();
app.UseCors();

ServicePointManager.ServerCertificateValidationCallback = delegate { return true; }; // vuln: CWE-295

app.MapGet("/items", async (string sku, InventoryContext db) =>
    await db.Items.FromSqlRaw("SELECT * FROM Items WHERE Sku = '" + sku + "'").ToListAsync()); // vuln: CWE-89

app.MapGet("/items/safe", async (string sku, InventoryContext db) =>
    await db.Items.FromSql($"SELECT * FROM Items WHERE Sku = {sku}").ToListAsync()); // safe: CWE-89

app.MapDelete("/items", async (string warehouse, InventoryContext db) =>
    await db.Database.ExecuteSqlRawAsync($"DELETE FROM Items WHERE Warehouse = '{warehouse}'")); // vuln: CWE-89

app.MapDelete("/items/safe", async (string warehouse, InventoryContext db) =>
    await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM Items WHERE Warehouse = {warehouse}")); // safe: CWE-89

app.MapGet("/items/count", (string zone) =>
{
    using var conn = new SqlConnection(Environment.GetEnvironmentVariable("INVENTORY_DB"));
    conn.Open();
    var cmd = new SqlCommand(string.Format("SELECT COUNT(*) FROM Items WHERE Zone = '{0}'", zone), conn); // vuln: CWE-89
    return (int)cmd.ExecuteScalar();
});

app.MapPost("/items/import", (HttpRequest req) =>
{
    var serializer = new XmlSerializer(typeof(ItemDto));
    var item = (ItemDto?)serializer.Deserialize(req.Body); // safe: CWE-502
    return Results.Ok(item);
});

app.MapPost("/items/import-json", async (HttpRequest req) =>
{
    var item = await JsonSerializer.DeserializeAsync<ItemDto>(req.Body); // safe: CWE-502
    return Results.Ok(item);
});

app.MapPost("/items/import-xml", (HttpRequest req) =>
{
    var doc = new XmlDocument();
    doc.XmlResolver = new XmlUrlResolver(); // vuln: CWE-611
    doc.Load(req.Body);
    return Results.Ok(doc.DocumentElement?.Name);
});

app.MapGet("/items/photo", (string name) =>
{
    var bytes = File.ReadAllBytes("/srv/inventory/photos/" + name); // vuln: CWE-22
    return Results.Bytes(bytes, "image/jpeg");
});

app.MapGet("/items/photo/{id:int}", (int id) =>
{
    var bytes = File.ReadAllBytes($"/srv/inventory/photos/{id}.jpg"); // safe: CWE-22
    return Results.Bytes(bytes, "image/jpeg");
});

app.MapPost("/items/label", (string printer) =>
{
    System.Diagnostics.Process.Start("lp", "-d " + printer + " /srv/labels/latest.pdf"); // vuln: CWE-78
    return Results.Accepted();
});

app.MapGet("/items/supplier", async (string url) =>
{
    using var client = new HttpClient();
    var req = new HttpRequestMessage(HttpMethod.Get, url);
    var resp = await client.SendAsync(req); // vuln: CWE-918
    return Results.Ok((int)resp.StatusCode);
});

app.MapGet("/items/label-html", (string label) => Results.Text("<span>" + label + "</span>", "text/html")); // vuln: CWE-79

app.MapGet("/items/label-text", (string label) => Results.Text(label, "text/plain")); // safe: CWE-79

app.MapGet("/items/back", (HttpContext ctx) =>
{
    ctx.Response.Redirect(ctx.Request.Query["returnUrl"]!); // vuln: CWE-601
});

app.MapPost("/items/audit", (string note, ILogger<Program> logger) =>
{
    logger.LogInformation("inventory audit: " + note); // vuln: CWE-117
    logger.LogInformation("inventory audit: {Note}", note.ReplaceLineEndings(" ")); // safe: CWE-117
});

app.MapGet("/items/lang", (HttpContext ctx, string lang) =>
{
    ctx.Response.Headers.Append("Content-Language", lang); // vuln: CWE-113
});

app.MapPost("/items/session", (HttpContext ctx) =>
{
    ctx.Response.Cookies.Append("inv_session", Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), new CookieOptions { Secure = false }); // vuln: CWE-614
});

app.Run();

static string PickCode() => new Random().Next().ToString("x8"); // vuln: CWE-330

static byte[] KeyFromPassword(string password) => new Rfc2898DeriveBytes(password, Encoding.UTF8.GetBytes("static-salt"), 1000).GetBytes(32); // vuln: CWE-760

static byte[] Encrypt3Des(byte[] key, byte[] data)
{
    using var des = TripleDES.Create(); // vuln: CWE-327
    des.Key = key;
    return des.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
}

static byte[] EncryptGcm(byte[] key, byte[] data)
{
    var nonce = RandomNumberGenerator.GetBytes(12); // safe: CWE-329
    var tag = new byte[16];
    var output = new byte[data.Length];
    using var gcm = new AesGcm(key, 16);
    gcm.Encrypt(nonce, data, output, tag);
    return output;
}

static void WriteSpool(string text)
{
    var path = Path.Combine(Path.GetTempPath(), "inventory-spool.txt"); // vuln: CWE-377
    File.WriteAllText(path, text);
    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite | UnixFileMode.OtherRead); // vuln: CWE-732
}

static string Md5Hex(string s) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(s))); // vuln: CWE-328

public record ItemDto(string Sku, int Quantity);
