using System;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Portal.Web.Data;
using Portal.Web.Services;

var builder = WebApplication.CreateBuilder(args);

var partnerOrigins = builder.Configuration.GetSection("Cors:PartnerOrigins").Get<string[]>()
    ?? Array.Empty<string>();

builder.Services.AddDbContext<PortalDbContext>(options =>
    options.UseSqlServer(builder.Configuration.GetConnectionString("Portal")));

builder.Services.AddScoped<IInvoiceService, InvoiceService>();
builder.Services.AddScoped<IWidgetService, WidgetService>();

builder.Services.AddControllersWithViews()
    .AddNewtonsoftJson(options =>
    {
        options.SerializerSettings.ContractResolver = new CamelCasePropertyNamesContractResolver();
        options.SerializerSettings.TypeNameHandling = TypeNameHandling.All; // vuln: CWE-502
        options.SerializerSettings.NullValueHandling = NullValueHandling.Ignore;
        options.SerializerSettings.DateTimeZoneHandling = DateTimeZoneHandling.Utc;
    });

builder.Services.AddCors(options =>
{
    options.AddPolicy("Partners", policy =>
        policy.WithOrigins(partnerOrigins).AllowAnyHeader().AllowAnyMethod().AllowCredentials()); // safe: CWE-942

    options.AddPolicy("EmbeddedWidgets", policy =>
        policy.SetIsOriginAllowed(origin => true).AllowAnyHeader().AllowAnyMethod().AllowCredentials()); // vuln: CWE-942
});

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.AccessDeniedPath = "/account/denied";
        options.Cookie.Name = "portal.auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.None; // vuln: CWE-614
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
    });

builder.Services.AddAuthorization(options =>
{
    options.AddPolicy("Billing", p => p.RequireRole("billing", "admin"));
});

builder.Services.AddAntiforgery(options =>
{
    options.HeaderName = "X-CSRF-TOKEN";
    options.Cookie.Name = "portal.xsrf";
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

app.UseHttpsRedirection();
app.UseStaticFiles();
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok", at = DateTime.UtcNow }));

app.MapGet("/widgets/{id:int}/summary", async (int id, IWidgetService widgets) =>
{
    var summary = await widgets.GetSummaryAsync(id);
    return summary is null ? Results.NotFound() : Results.Ok(summary);
}).RequireCors("EmbeddedWidgets").RequireAuthorization();

app.MapControllerRoute(
    name: "default",
    pattern: "{controller=Home}/{action=Index}/{id?}");

app.Run();
