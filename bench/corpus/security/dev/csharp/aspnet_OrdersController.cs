using System;
using System.Data.SqlClient;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shop.Data;

namespace Shop.Controllers
{
    [ApiController]
    [Route("api/orders")]
    public class OrdersController : ControllerBase
    {
        private static readonly string[] Sortable = { "CreatedAt", "Total", "Status" };
        private const string InvoiceRoot = "/srv/shop/invoices";

        private readonly ShopContext _db;
        private readonly SqlConnection _conn;
        private readonly HttpClient _http;
        private readonly ILogger<OrdersController> _logger;
        private readonly HtmlEncoder _html;

        public OrdersController(ShopContext db, SqlConnection conn, HttpClient http, ILogger<OrdersController> logger, HtmlEncoder html)
        {
            _db = db;
            _conn = conn;
            _http = http;
            _logger = logger;
            _html = html;
        }

        [HttpGet("search")]
        public IActionResult Search([FromQuery] string customer)
        {
            var cmd = new SqlCommand("SELECT Id, Total FROM Orders WHERE Customer = '" + customer + "'", _conn); // vuln: CWE-89
            using var reader = cmd.ExecuteReader();
            return Ok(reader.HasRows);
        }

        [HttpGet("search-safe")]
        public IActionResult SearchSafe([FromQuery] string customer)
        {
            var cmd = new SqlCommand("SELECT Id, Total FROM Orders WHERE Customer = @customer", _conn); // safe: CWE-89
            cmd.Parameters.AddWithValue("@customer", customer);
            using var reader = cmd.ExecuteReader();
            return Ok(reader.HasRows);
        }

        [HttpGet("ef")]
        public IActionResult Ef([FromQuery] string status)
        {
            var orders = _db.Orders.FromSqlRaw($"SELECT * FROM Orders WHERE Status = '{status}'").ToList(); // vuln: CWE-89
            return Ok(orders);
        }

        [HttpGet("ef-safe")]
        public IActionResult EfSafe([FromQuery] string status)
        {
            var orders = _db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Status = {status}").ToList(); // safe: CWE-89
            return Ok(orders);
        }

        [HttpPost("ef-bulk")]
        public IActionResult EfBulk([FromQuery] string region)
        {
            _db.Database.ExecuteSqlRaw("UPDATE Orders SET Archived = 1 WHERE Region = '" + region + "'"); // vuln: CWE-89
            return NoContent();
        }

        [HttpGet("dapper")]
        public async Task<IActionResult> DapperQuery([FromQuery] string coupon)
        {
            var rows = await _conn.QueryAsync($"SELECT * FROM Orders WHERE Coupon = '{coupon}'"); // vuln: CWE-89
            return Ok(rows);
        }

        [HttpGet("dapper-safe")]
        public async Task<IActionResult> DapperQuerySafe([FromQuery] string coupon)
        {
            var rows = await _conn.QueryAsync("SELECT * FROM Orders WHERE Coupon = @coupon", new { coupon }); // safe: CWE-89
            return Ok(rows);
        }

        [HttpGet("sorted")]
        public async Task<IActionResult> Sorted([FromQuery] string sort)
        {
            var column = Sortable.Contains(sort) ? sort : "CreatedAt";
            var rows = await _conn.QueryAsync($"SELECT * FROM Orders ORDER BY {column}"); // safe: CWE-89
            return Ok(rows);
        }

        [HttpGet("page/{page:int}")]
        public async Task<IActionResult> Page(int page)
        {
            var rows = await _conn.QueryAsync("SELECT * FROM Orders ORDER BY Id OFFSET " + (page * 50) + " ROWS FETCH NEXT 50 ROWS ONLY"); // safe: CWE-89
            return Ok(rows);
        }

        [HttpGet("invoice")]
        public IActionResult Invoice([FromQuery] string file)
        {
            var bytes = System.IO.File.ReadAllBytes(Path.Combine(InvoiceRoot, file)); // vuln: CWE-22
            return File(bytes, "application/pdf");
        }

        [HttpGet("invoice-safe")]
        public IActionResult InvoiceSafe([FromQuery] string file)
        {
            var full = Path.GetFullPath(Path.Combine(InvoiceRoot, file));
            if (!full.StartsWith(InvoiceRoot + Path.DirectorySeparatorChar)) return NotFound();
            return PhysicalFile(full, "application/pdf"); // safe: CWE-22
        }

        [HttpPost("{id}/print")]
        public IActionResult Print(string id, [FromForm] string printer)
        {
            Process.Start("cmd.exe", "/c print /d:" + printer + " invoices\\" + id + ".pdf"); // vuln: CWE-78
            return Accepted();
        }

        [HttpPost("webhook-test")]
        public async Task<IActionResult> WebhookTest([FromBody] WebhookDto dto)
        {
            var resp = await _http.GetAsync(dto.Url); // vuln: CWE-918
            return Ok((int)resp.StatusCode);
        }

        [HttpGet("continue")]
        public IActionResult Continue([FromQuery] string returnUrl)
        {
            return Redirect(returnUrl); // vuln: CWE-601
        }

        [HttpGet("continue-safe")]
        public IActionResult ContinueSafe([FromQuery] string returnUrl)
        {
            if (!Url.IsLocalUrl(returnUrl)) returnUrl = "/";
            return LocalRedirect(returnUrl); // safe: CWE-601
        }

        [HttpGet("hello")]
        public ContentResult Hello([FromQuery] string name)
        {
            return Content("<p>Hello " + name + "</p>", "text/html"); // vuln: CWE-79
        }

        [HttpGet("hello-safe")]
        public ContentResult HelloSafe([FromQuery] string name)
        {
            return Content("<p>Hello " + _html.Encode(name) + "</p>", "text/html"); // safe: CWE-79
        }

        [HttpPost("{id}/note")]
        public IActionResult Note(string id, [FromBody] string note)
        {
            _logger.LogInformation("Note for order " + id + ": " + note); // vuln: CWE-117
            return NoContent();
        }

        [HttpPost("{id}/note-structured")]
        public IActionResult NoteStructured(int id)
        {
            _logger.LogInformation("Note added for order {OrderId}", id); // safe: CWE-117
            return NoContent();
        }

        [HttpGet("export")]
        public IActionResult Export([FromQuery] string filename)
        {
            Response.Headers.Add("Content-Disposition", "attachment; filename=" + filename); // vuln: CWE-113
            return Ok();
        }

        [HttpPut("{id}")]
        public async Task<IActionResult> Update(int id, [FromBody] Order order)
        {
            _db.Update(order); // vuln: CWE-915
            await _db.SaveChangesAsync();
            return NoContent();
        }

        private static string LegacyHash(string password)
        {
            using var md5 = MD5.Create(); // vuln: CWE-328
            return Convert.ToBase64String(md5.ComputeHash(Encoding.UTF8.GetBytes(password)));
        }

        private static string ContentHash(byte[] body)
        {
            using var sha = SHA256.Create(); // safe: CWE-328
            return Convert.ToBase64String(sha.ComputeHash(body));
        }
    }

    public record WebhookDto(string Url);
}
