using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Ledgerly.Api.Controllers
{
    public record ReportRow(int Id, string Customer, decimal Total, DateTime IssuedAt);

    public class ReportFilter
    {
        public string? Region { get; set; }
        public string? SortBy { get; set; }
        public int Year { get; set; }
    }

    [ApiController]
    [Authorize]
    [Route("api/reports")]
    public class ReportsController : ControllerBase
    {
        private static readonly HashSet<string> SortColumns = new(StringComparer.OrdinalIgnoreCase)
        {
            "issued_at", "total", "customer"
        };

        private readonly LedgerContext _db;
        private readonly string _connectionString;
        private readonly string _exportRoot;

        public ReportsController(LedgerContext db, IConfiguration config)
        {
            _db = db;
            _connectionString = config.GetConnectionString("Reporting")!;
            _exportRoot = config["Exports:Root"] ?? "/var/ledgerly/exports";
        }

        [HttpPost("search")]
        public async Task<IActionResult> Search([FromBody] ReportFilter filter)
        {
            var orderBy = SortColumns.Contains(filter.SortBy ?? "") ? filter.SortBy : "issued_at";
            var sql = "SELECT id, customer, total, issued_at FROM invoices WHERE region = '" + filter.Region + "'";
            sql += " AND YEAR(issued_at) = " + filter.Year + " ORDER BY " + orderBy;

            var rows = new List<ReportRow>();
            await using var conn = new SqlConnection(_connectionString);
            await conn.OpenAsync();
            await using var cmd = new SqlCommand(sql, conn); // vuln: CWE-89
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new ReportRow(reader.GetInt32(0), reader.GetString(1), reader.GetDecimal(2), reader.GetDateTime(3)));
            }
            return Ok(rows);
        }

        [HttpGet("customers/{customerId:int}/totals")]
        public async Task<IActionResult> CustomerTotals(int customerId, [FromQuery] string currency)
        {
            await using var conn = new SqlConnection(_connectionString);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT SUM(total) FROM invoices WHERE customer_id = @cid AND currency = @cur"; // safe: CWE-89
            cmd.Parameters.AddWithValue("@cid", customerId);
            cmd.Parameters.AddWithValue("@cur", currency);
            var total = await cmd.ExecuteScalarAsync();
            return Ok(new { customerId, currency, total });
        }

        [HttpGet("overdue")]
        public async Task<IActionResult> Overdue([FromQuery] string tag, [FromQuery] int days = 30)
        {
            var cutoff = DateTime.UtcNow.AddDays(-days);
            var invoices = await _db.Invoices
                .FromSqlRaw($"SELECT * FROM invoices WHERE paid = 0 AND tags LIKE '%{tag}%'") // vuln: CWE-89
                .Where(i => i.IssuedAt < cutoff)
                .ToListAsync();
            return Ok(invoices);
        }

        [HttpGet("by-owner")]
        public async Task<IActionResult> ByOwner([FromHeader(Name = "X-Account-Owner")] string owner)
        {
            var invoices = await _db.Invoices
                .FromSqlInterpolated($"SELECT * FROM invoices WHERE owner_email = {owner}") // safe: CWE-89
                .AsNoTracking()
                .ToListAsync();
            return Ok(invoices);
        }

        [HttpGet("exports/{fileName}")]
        public IActionResult DownloadExport(string fileName)
        {
            var fullPath = Path.Combine(_exportRoot, "monthly", fileName);
            if (!System.IO.File.Exists(fullPath))
            {
                return NotFound();
            }
            return PhysicalFile(fullPath, "text/csv", fileName); // vuln: CWE-22
        }

        [HttpGet("archive")]
        public IActionResult DownloadArchive([FromQuery] string path)
        {
            var root = Path.GetFullPath(Path.Combine(_exportRoot, "archive"));
            var requested = Path.GetFullPath(Path.Combine(root, path));
            if (!requested.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return BadRequest("invalid path");
            }
            return PhysicalFile(requested, "application/octet-stream"); // safe: CWE-22
        }
    }

    public class Invoice
    {
        public int Id { get; set; }
        public string OwnerEmail { get; set; } = "";
        public decimal Total { get; set; }
        public DateTime IssuedAt { get; set; }
        public bool Paid { get; set; }
        public string Tags { get; set; } = "";
    }

    public class LedgerContext : DbContext
    {
        public LedgerContext(DbContextOptions<LedgerContext> options) : base(options) { }
        public DbSet<Invoice> Invoices => Set<Invoice>();
    }
}
