using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Contoso.Billing.Web.Controllers
{
    public record InvoiceRow(int Id, string CustomerName, decimal Amount, string Status, DateTime IssuedAt);

    public class InvoiceFilter
    {
        public string? Customer { get; set; }
        public string? Status { get; set; }
        public DateTime? From { get; set; }
    }

    [Authorize]
    public class ReportsController : Controller
    {
        private readonly string _connectionString;
        private readonly ILogger<ReportsController> _logger;

        public ReportsController(IConfiguration config, ILogger<ReportsController> logger)
        {
            _connectionString = config.GetConnectionString("Billing")!;
            _logger = logger;
        }

        private IDbConnection Open() => new SqlConnection(_connectionString);

        [HttpGet("/reports/invoices")]
        public async Task<IActionResult> Invoices([FromQuery] InvoiceFilter filter, int page = 1)
        {
            const string sql = @"SELECT Id, CustomerName, Amount, Status, IssuedAt FROM Invoices
                                 WHERE (@Customer IS NULL OR CustomerName LIKE @Customer + '%')
                                   AND (@Status IS NULL OR Status = @Status)
                                   AND (@From IS NULL OR IssuedAt >= @From)
                                 ORDER BY IssuedAt DESC
                                 OFFSET @Skip ROWS FETCH NEXT 50 ROWS ONLY";
            using var conn = Open();
            var rows = await conn.QueryAsync<InvoiceRow>(sql, new { filter.Customer, filter.Status, filter.From, Skip = (Math.Max(page, 1) - 1) * 50 }); // safe: CWE-89
            return View(rows.ToList());
        }

        [HttpGet("/reports/export")]
        public async Task<IActionResult> Export(string region, string groupBy = "Status")
        {
            try
            {
                var sql = $"SELECT {groupBy} AS Bucket, SUM(Amount) AS Total FROM Invoices WHERE Region = '{region}' GROUP BY {groupBy}";
                using var conn = Open();
                var buckets = await conn.QueryAsync(sql); // vuln: CWE-89
                var csv = string.Join("\n", buckets.Select(b => $"{b.Bucket},{b.Total}"));
                return File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv", "export.csv");
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Export failed");
                return StatusCode(500, new { message = "Export failed", detail = ex.ToString() }); // vuln: CWE-209
            }
        }

        [HttpGet("/reports/share")]
        public IActionResult Share(int reportId, string returnUrl)
        {
            TempData["shared"] = reportId;
            if (string.IsNullOrEmpty(returnUrl))
            {
                return RedirectToAction(nameof(Invoices));
            }
            return Redirect(returnUrl); // vuln: CWE-601
        }

        [HttpPost("/reports/subscribe")]
        [ValidateAntiForgeryToken]
        public async Task<IActionResult> Subscribe(int reportId, string frequency, string? returnUrl)
        {
            var allowed = new HashSet<string> { "daily", "weekly", "monthly" };
            if (!allowed.Contains(frequency))
            {
                return BadRequest();
            }
            using var conn = Open();
            await conn.ExecuteAsync("INSERT INTO Subscriptions (ReportId, UserName, Frequency) VALUES (@reportId, @user, @frequency)",
                new { reportId, user = User.Identity!.Name, frequency });
            if (!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl))
            {
                return LocalRedirect(returnUrl); // safe: CWE-601
            }
            return RedirectToAction(nameof(Invoices));
        }
    }
}
