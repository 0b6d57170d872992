// bastion-fixture: src/Hooks/Program.cs
var app = builder.Build();

app.MapPost("/webhooks/test", async (WebhookTestRequest req, IHttpClientFactory factory) =>
{
    var client = factory.CreateClient("partners");
    var target = req.CallbackUrl + "/ping";
// expect: ssrf
    var response = await client.PostAsJsonAsync(target, new { ping = true });
    return Results.Ok();
});

app.MapPost("/webhooks/fixed", async (IHttpClientFactory factory, ILogger<Program> logger) =>
{
    var client = factory.CreateClient("partners");
    var response = await client.PostAsJsonAsync("https://hooks.example.com/ping", new { ping = true });
    return Results.Ok();
});
