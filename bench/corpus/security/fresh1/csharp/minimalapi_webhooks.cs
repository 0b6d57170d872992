using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHttpClient("partners", client =>
{
    client.Timeout = TimeSpan.FromSeconds(10);
});

builder.Services.AddHttpClient("legacy-erp")
    .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true // vuln: CWE-295
    });

var app = builder.Build();

var allowedCallbackHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
{
    "hooks.slack.com",
    "api.pagerduty.com",
    "events.ledgerly.io"
};

app.MapPost("/webhooks/test", async (WebhookTestRequest req, IHttpClientFactory factory, ILogger<Program> logger) =>
{
    var client = factory.CreateClient("partners");
    var target = req.CallbackUrl.TrimEnd('/') + "/ping";
    logger.LogInformation("Testing webhook {Target}", target);
    var response = await client.PostAsJsonAsync(target, new { ping = true, at = DateTime.UtcNow }); // vuln: CWE-918
    return Results.Ok(new { status = (int)response.StatusCode });
});

app.MapPost("/webhooks/deliver", async (DeliveryRequest req, IHttpClientFactory factory) =>
{
    if (!Uri.TryCreate(req.Endpoint, UriKind.Absolute, out var uri)
        || uri.Scheme != Uri.UriSchemeHttps
        || !allowedCallbackHosts.Contains(uri.Host))
    {
        return Results.BadRequest(new { error = "endpoint not allowed" });
    }
    var client = factory.CreateClient("partners");
    var response = await client.PostAsJsonAsync(uri, req.Payload); // safe: CWE-918
    return Results.Ok(new { delivered = response.IsSuccessStatusCode });
});

app.MapGet("/webhooks/{source}/status", (string source, HttpRequest request, ILogger<Program> logger) =>
{
    var agent = request.Headers.UserAgent.ToString();
    logger.LogWarning($"Status probe for {source} from agent {agent}"); // vuln: CWE-117
    return Results.Ok(new { source, healthy = true });
});

app.MapGet("/oauth/partner/callback", (HttpContext ctx) =>
{
    var code = ctx.Request.Query["code"].ToString();
    var next = ctx.Request.Query["next"].ToString();
    ctx.Session.SetString("partner_code", code);
    if (string.IsNullOrEmpty(next))
    {
        next = "/dashboard";
    }
    return Results.Redirect(next); // vuln: CWE-601
});

app.MapGet("/account/switch", (HttpContext ctx) =>
{
    var returnUrl = ctx.Request.Cookies["return_to"] ?? "/";
    if (!returnUrl.StartsWith('/') || returnUrl.StartsWith("//") || returnUrl.StartsWith("/\\"))
    {
        returnUrl = "/";
    }
    return Results.LocalRedirect(returnUrl); // safe: CWE-601
});

app.MapGet("/erp/invoices/{id:int}", async (int id, IHttpClientFactory factory) =>
{
    var client = factory.CreateClient("legacy-erp");
    var invoice = await client.GetFromJsonAsync<Dictionary<string, object>>($"https://erp.internal.ledgerly.io/api/invoices/{id}"); // safe: CWE-918
    return Results.Ok(invoice);
});

app.Run();

public record WebhookTestRequest(string CallbackUrl, string? Secret);

public record DeliveryRequest(string Endpoint, Dictionary<string, object> Payload);

public partial class Program { }
