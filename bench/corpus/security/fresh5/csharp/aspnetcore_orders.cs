using System.Data;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.Data;
using Shop.Models;

namespace Shop.Controllers;

[ApiController]
[Authorize]
[Route("api/orders")]
public class OrdersController : ControllerBase
{
    private readonly ShopDbContext _db;
    private readonly IDbConnection _connection;
    private readonly ILogger<OrdersController> _logger;

    public OrdersController(ShopDbContext db, IDbConnection connection, ILogger<OrdersController> logger)
    {
        _db = db;
        _connection = connection;
        _logger = logger;
    }

    [HttpGet("customer/{customerId:int}")]
    public async Task<IActionResult> ByCustomer(int customerId, [FromQuery] string status = "open")
    {
        var orders = await _db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE CustomerId = {customerId} AND Status = {status}").AsNoTracking().ToListAsync(); // safe: CWE-89
        return Ok(orders);
    }

    [HttpGet("search")]
    public async Task<IActionResult> Search([FromQuery] string reference, [FromQuery] int limit = 25)
    {
        var sql = new StringBuilder("SELECT TOP (@limit) Id, Reference, Total, Status FROM Orders WHERE Reference LIKE '%");
        sql.Append(reference).Append("%' ORDER BY CreatedAt DESC");

        var rows = await _connection.QueryAsync<OrderSummary>(sql.ToString(), new { limit = Math.Clamp(limit, 1, 100) }); // vuln: CWE-89
        return Ok(rows);
    }

    [HttpGet("totals")]
    public async Task<IActionResult> Totals([FromQuery] DateTime from, [FromQuery] string region)
    {
        const string sql = "SELECT Region, SUM(Total) AS Total FROM Orders WHERE CreatedAt >= @from AND Region = @region GROUP BY Region";
        var rows = await _connection.QueryAsync<RegionTotal>(sql, new { from, region }); // safe: CWE-89
        return Ok(rows);
    }

    [HttpPut("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromBody] Order input)
    {
        var existing = await _db.Orders.FindAsync(id);
        if (existing is null)
        {
            return NotFound();
        }

        _db.Entry(existing).CurrentValues.SetValues(input); // vuln: CWE-915
        await _db.SaveChangesAsync();
        return NoContent();
    }

    [HttpPost("{id:int}/refund")]
    public async Task<IActionResult> Refund(int id, [FromBody] RefundRequest request, [FromServices] IPaymentGateway gateway)
    {
        try
        {
            var order = await _db.Orders.SingleAsync(o => o.Id == id);
            var receipt = await gateway.RefundAsync(order.PaymentReference, request.Amount);
            order.Status = "refunded";
            await _db.SaveChangesAsync();
            return Ok(receipt);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Refund failed for order {OrderId}", id);
            return StatusCode(500, new { error = "Refund failed", detail = ex.ToString() }); // vuln: CWE-209
        }
    }

    [AllowAnonymous]
    [HttpGet("/checkout/complete")]
    public IActionResult Complete([FromQuery] string returnUrl)
    {
        return Redirect(returnUrl); // vuln: CWE-601
    }

    [AllowAnonymous]
    [HttpGet("/checkout/cancel")]
    public IActionResult Cancel([FromQuery] string? returnUrl)
    {
        var target = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/cart";
        return Redirect(target); // safe: CWE-601
    }
}

public record OrderSummary(int Id, string Reference, decimal Total, string Status);

public record RegionTotal(string Region, decimal Total);

public record RefundRequest(decimal Amount);
