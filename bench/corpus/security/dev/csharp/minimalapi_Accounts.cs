using System;
using System.IdentityModel.Tokens.Jwt;
using System.IO;
using System.Net.Http;
using System.Runtime.Serialization.Formatters.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(o => o.AddPolicy("open", p => p.SetIsOriginAllowed(_ => true).AllowCredentials().AllowAnyHeader())); // vuln: CWE-942
builder.Services.AddAntiforgery();

var app = builder.Build();
app.UseDeveloperExceptionPage(); // vuln: CWE-489

const string SigningKey = "accounts-hmac-key-2024-do-not-share"; // vuln: CWE-798
var signingKeyFromConfig = builder.Configuration["Jwt:Key"]; // safe: CWE-798

app.MapPost("/accounts/import", async (HttpRequest req) =>
{
    var doc = new XmlDocument { XmlResolver = new XmlUrlResolver() }; // vuln: CWE-611
    doc.Load(req.Body);
    return Results.Ok(doc.DocumentElement?.Name);
});

app.MapPost("/accounts/import-safe", async (HttpRequest req) =>
{
    var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }; // safe: CWE-611
    using var reader = XmlReader.Create(req.Body, settings);
    var doc = new XmlDocument();
    doc.Load(reader);
    return Results.Ok(doc.DocumentElement?.Name);
});

app.MapGet("/accounts/lookup", (string name) =>
{
    var doc = new XmlDocument();
    doc.Load("accounts.xml");
    var node = doc.SelectSingleNode("//account[@name='" + name + "']"); // vuln: CWE-643
    return Results.Ok(node?.InnerText);
});

app.MapPost("/accounts/restore", (HttpRequest req) =>
{
    var formatter = new BinaryFormatter();
    var state = formatter.Deserialize(req.Body); // vuln: CWE-502
    return Results.Ok(state.ToString());
});

app.MapPost("/accounts/restore-json", async (HttpRequest req) =>
{
    using var sr = new StreamReader(req.Body);
    var body = await sr.ReadToEndAsync();
    var state = JsonConvert.DeserializeObject(body, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }); // vuln: CWE-502
    return Results.Ok(state);
});

app.MapPost("/accounts/restore-json-safe", async (HttpRequest req) =>
{
    using var sr = new StreamReader(req.Body);
    var state = JsonConvert.DeserializeObject<AccountState>(await sr.ReadToEndAsync()); // safe: CWE-502
    return Results.Ok(state);
});

app.MapGet("/accounts/avatar", async (string url, HttpClient http) =>
{
    var bytes = await http.GetByteArrayAsync(url); // vuln: CWE-918
    return Results.File(bytes, "image/png");
});

app.MapGet("/accounts/greet", (string name) => Results.Content($"<h2>Hi {name}</h2>", "text/html")); // vuln: CWE-79

app.MapGet("/accounts/greet-json", (string name) => Results.Json(new { greeting = $"Hi {name}" })); // safe: CWE-79

app.MapGet("/accounts/goto", (string url) => Results.Redirect(url)); // vuln: CWE-601

app.MapGet("/accounts/file", (string name) => Results.File(Path.Combine("/srv/accounts", name))); // vuln: CWE-22

app.MapPost("/accounts/login", (HttpContext ctx) =>
{
    ctx.Response.Cookies.Append("sid", Guid.NewGuid().ToString(), new CookieOptions { HttpOnly = false, Secure = false }); // vuln: CWE-1004
    ctx.Response.Cookies.Append("sid2", Guid.NewGuid().ToString(), new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict }); // safe: CWE-1004
    return Results.NoContent();
});

app.MapGet("/accounts/token/validate", (string token) =>
{
    var parameters = new TokenValidationParameters
    {
        ValidateIssuerSigningKey = false, // vuln: CWE-347
        RequireSignedTokens = false,
        ValidateAudience = false,
        ValidateIssuer = false,
    };
    new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
    return Results.Ok();
});

app.MapGet("/accounts/token/validate-safe", (string token) =>
{
    var parameters = new TokenValidationParameters
    {
        ValidateIssuerSigningKey = true, // safe: CWE-347
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKeyFromConfig!)),
        ValidIssuer = "accounts",
        ValidAudience = "shop",
    };
    new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
    return Results.Ok();
});

var insecureHandler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true, // vuln: CWE-295
};

string ResetCode() => new Random().Next(100000, 999999).ToString(); // vuln: CWE-330

string ResetCodeSafe() => RandomNumberGenerator.GetInt32(100000, 999999).ToString(); // safe: CWE-330

byte[] Encrypt(byte[] key, byte[] data)
{
    using var aes = Aes.Create();
    aes.Key = key;
    aes.Mode = CipherMode.ECB; // vuln: CWE-327
    return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
}

byte[] EncryptStaticIv(byte[] key, byte[] data)
{
    using var aes = Aes.Create();
    aes.Key = key;
    aes.IV = new byte[16]; // vuln: CWE-329
    return aes.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
}

app.Run();

public record AccountState(string Theme, string Locale);
