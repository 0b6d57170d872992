using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Services;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Services.AddDbContext<PortalDbContext>(o => o.UseNpgsql(config.GetConnectionString("Portal")));
builder.Services.AddControllersWithViews();
builder.Services.AddScoped<ILedgerClient, LedgerClient>();

builder.Services.AddCors(options =>
{
    options.AddPolicy("dashboard", p => p.WithOrigins("https://app.example.com", "https://admin.example.com").AllowAnyHeader().AllowAnyMethod().AllowCredentials()); // safe: CWE-942
    options.AddPolicy("partners", p => p.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowAnyMethod().AllowCredentials()); // vuln: CWE-942
});

builder.Services
    .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/account/login";
        o.LogoutPath = "/account/logout";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Cookie.Name = "portal.auth";
        o.Cookie.HttpOnly = true; // safe: CWE-1004
        o.Cookie.SecurePolicy = CookieSecurePolicy.None; // vuln: CWE-614
        o.Cookie.SameSite = SameSiteMode.Lax;
    });

builder.Services.AddAuthorization();

builder.Services
    .AddHttpClient<ILedgerClient, LedgerClient>(c =>
    {
        c.BaseAddress = new Uri(config["Ledger:BaseUrl"] ?? "https://ledger.internal.example.com/");
        c.Timeout = TimeSpan.FromSeconds(20);
    })
    .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, _, _, _) => true, // vuln: CWE-295
    });

builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
});

var app = builder.Build();

app.UseForwardedHeaders();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseHttpsRedirection();
app.UseStaticFiles();
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();

app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowAnonymous();

app.Run();
