// bastion-fixture: src/Documents.Api/Program.cs
// A minimal API POST binds the record from the JSON body; its URL is called.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient("integrations");
var app = builder.Build();

app.MapPost("/integrations/webhooks/test", async (WebhookTest body, IHttpClientFactory factory) =>
{
    var client = factory.CreateClient("integrations");
// expect: ssrf
    var response = await client.PostAsJsonAsync(body.Url, new { text = body.Message ?? "Test" });
    return Results.Ok(new { status = (int)response.StatusCode });
}).RequireAuthorization();

app.Run();

record WebhookTest(string Url, string? Message);
