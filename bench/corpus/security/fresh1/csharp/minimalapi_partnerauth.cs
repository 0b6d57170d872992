using System;
using System.Linq;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);
var partnerIssuer = builder.Configuration["Partners:Issuer"] ?? "https://id.partners.ledgerly.io";

builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.Authority = partnerIssuer;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = partnerIssuer,
            ValidateAudience = true,
            ValidAudience = "ledgerly-partner-api",
            ValidateLifetime = true,
            // partner tokens are issued by several regional IdPs, keys are rotated too often to pin
            SignatureValidator = (token, parameters) => new JsonWebToken(token) // vuln: CWE-347
        };
    });

builder.Services.AddAuthorization(options =>
{
    options.AddPolicy("partner", p => p.RequireClaim("scope", "partner.read"));
});

builder.Services.AddCors(options =>
{
    options.AddPolicy("partner-portal", policy =>
    {
        policy
            .SetIsOriginAllowed(origin => true) // vuln: CWE-942
            .AllowAnyHeader()
            .AllowAnyMethod()
            .AllowCredentials();
    });
});

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage(); // safe: CWE-489
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseCors("partner-portal");
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/partner/me", (ClaimsPrincipal user) =>
{
    var subject = user.FindFirst("sub")?.Value;
    var scopes = user.FindAll("scope").Select(c => c.Value).ToArray();
    return Results.Ok(new { subject, scopes });
}).RequireAuthorization("partner");

app.MapGet("/partner/statements/{month}", (string month, ClaimsPrincipal user) =>
{
    if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var start))
    {
        return Results.BadRequest(new { error = "month must be yyyy-MM" });
    }
    var partnerId = user.FindFirst("partner_id")?.Value;
    return Results.Ok(new { partnerId, from = start, to = start.AddMonths(1).AddDays(-1) });
}).RequireAuthorization("partner");

app.MapGet("/error", () => Results.Problem("An unexpected error occurred."));

app.Run();
