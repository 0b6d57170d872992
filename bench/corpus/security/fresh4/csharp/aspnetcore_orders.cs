using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shop.Api.Data;
using Shop.Api.Models;
using Shop.Api.Payments;

namespace Shop.Api.Controllers
{
    public sealed record ArchiveRequest(DateTime Before, List<string> Statuses);

    [ApiController]
    [Route("api/[controller]")]
    [Authorize]
    public class OrdersController : ControllerBase
    {
        private readonly ShopDbContext _db;
        private readonly IPaymentGateway _gateway;
        private readonly ILogger<OrdersController> _logger;

        public OrdersController(ShopDbContext db, IPaymentGateway gateway, ILogger<OrdersController> logger)
        {
            _db = db;
            _gateway = gateway;
            _logger = logger;
        }

        [HttpGet("by-region")]
        public async Task<IActionResult> ByRegion([FromQuery] string region, [FromQuery] int page = 1)
        {
            var orders = await _db.Orders
                .FromSqlInterpolated($"SELECT * FROM Orders WHERE Region = {region}") // safe: CWE-89
                .OrderByDescending(o => o.CreatedAt)
                .Skip((Math.Max(page, 1) - 1) * 50)
                .Take(50)
                .ToListAsync();
            return Ok(orders);
        }

        [HttpPost("archive")]
        [Authorize(Roles = "Support")]
        public async Task<IActionResult> Archive([FromBody] ArchiveRequest req)
        {
            var cutoff = req.Before.ToString("yyyy-MM-dd");
            var statusList = string.Join(",", req.Statuses.Select(s => $"'{s}'"));
            var sql = "UPDATE Orders SET Archived = 1 WHERE CreatedAt < '" + cutoff + "'";
            if (!string.IsNullOrEmpty(statusList))
            {
                sql += $" AND Status IN ({statusList})";
            }

            var affected = await _db.Database.ExecuteSqlRawAsync(sql); // vuln: CWE-89
            _logger.LogInformation("Archived {Count} orders before {Cutoff}", affected, cutoff);
            return Ok(new { affected });
        }

        [HttpPut("customers/{id:int}")]
        public async Task<IActionResult> UpdateCustomer(int id, [FromBody] Customer incoming)
        {
            var existing = await _db.Customers.FindAsync(id);
            if (existing == null)
            {
                return NotFound();
            }

            _db.Entry(existing).CurrentValues.SetValues(incoming); // vuln: CWE-915
            existing.UpdatedAt = DateTime.UtcNow;
            await _db.SaveChangesAsync();
            return NoContent();
        }

        [HttpPost("{id:int}/refund")]
        [Authorize(Roles = "Support")]
        public async Task<IActionResult> Refund(int id, [FromQuery] decimal? amount)
        {
            var order = await _db.Orders.SingleOrDefaultAsync(o => o.Id == id);
            if (order == null)
            {
                return NotFound();
            }

            try
            {
                var refundId = await _gateway.RefundAsync(order.PaymentReference, amount ?? order.Total);
                order.Status = "Refunded";
                await _db.SaveChangesAsync();
                return Ok(new { refundId });
            }
            catch (PaymentException ex)
            {
                _logger.LogError(ex, "Refund failed for order {OrderId}", id);
                return StatusCode(500, new { error = "refund_failed", detail = ex.ToString() }); // vuln: CWE-209
            }
        }

        [AllowAnonymous]
        [HttpGet("/checkout/complete")]
        public IActionResult CheckoutComplete([FromQuery] string orderRef, [FromQuery] string returnUrl)
        {
            _logger.LogInformation("Checkout completed for {OrderRef}", orderRef);
            if (Url.IsLocalUrl(returnUrl))
            {
                return LocalRedirect(returnUrl); // safe: CWE-601
            }
            return RedirectToAction("Index", "Home");
        }

        [AllowAnonymous]
        [HttpGet("/checkout/cancelled")]
        public IActionResult CheckoutCancelled([FromQuery] string orderRef, [FromQuery(Name = "continue")] string continueUrl)
        {
            _logger.LogInformation("Checkout cancelled for {OrderRef}", orderRef);
            var target = string.IsNullOrWhiteSpace(continueUrl) ? "/" : continueUrl;
            return Redirect(target); // vuln: CWE-601
        }
    }
}
