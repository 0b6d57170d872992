using System.IdentityModel.Tokens.Jwt;
using System.Text;
using System.Threading.RateLimiting;
using Docs.Api.Endpoints;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Shop.Api.Data;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Services.AddDbContext<ShopDbContext>(o => o.UseSqlServer(config.GetConnectionString("Shop"))); // safe: CWE-798
builder.Services.AddDbContext<ReportingDbContext>(o => o.UseSqlServer("Server=reporting-sql01;Database=Reporting;User Id=report_reader;Password=R3port!ng#2024;Encrypt=True")); // vuln: CWE-798

builder.Services.AddCors(options =>
{
    options.AddPolicy("frontend", policy => policy.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowAnyMethod().AllowCredentials()); // vuln: CWE-942
});

var signingKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config["Jwt:SigningKey"]!));

builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = config["Jwt:Issuer"],
            ValidateAudience = true,
            ValidAudience = config["Jwt:Audience"],
            ValidateLifetime = true,
            IssuerSigningKey = signingKey,
            SignatureValidator = (token, parameters) => new JwtSecurityToken(token), // vuln: CWE-347
        };
    })
    .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
    {
        options.Cookie.Name = "portal.auth";
        options.Cookie.HttpOnly = true; // safe: CWE-1004
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.LoginPath = "/portal/login";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
    });

builder.Services.AddAuthorization();
builder.Services.AddControllers();
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen();
builder.Services.AddHealthChecks().AddDbContextCheck<ShopDbContext>();
builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", w =>
{
    w.PermitLimit = 100;
    w.Window = TimeSpan.FromMinutes(1);
    w.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
}));

var app = builder.Build();

app.UseForwardedHeaders(new ForwardedHeadersOptions
{
    ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
});

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage(); // safe: CWE-489
    app.UseSwagger();
    app.UseSwaggerUI();
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseHttpsRedirection();
app.UseCors("frontend");
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthChecks("/healthz");
app.MapControllers().RequireRateLimiting("api");
app.MapDocuments(config["Storage:Root"] ?? "/srv/docs");

app.Run();
