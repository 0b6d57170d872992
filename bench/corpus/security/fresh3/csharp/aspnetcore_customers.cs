using System.ComponentModel.DataAnnotations;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Shop.Api.Data;

namespace Shop.Api.Controllers;

public class Customer
{
    public int Id { get; set; }
    [Required, MaxLength(200)] public string Name { get; set; } = "";
    [EmailAddress] public string Email { get; set; } = "";
    public string City { get; set; } = "";
    public string Region { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public bool IsVip { get; set; }
    public decimal CreditLimit { get; set; }
}

public record CustomerDto(int Id, string Name, string Email, string City);

[ApiController]
[Authorize]
[Route("api/customers")]
public class CustomersController : ControllerBase
{
    private readonly ShopDbContext _db;
    private readonly string _connectionString;
    private readonly ILogger<CustomersController> _logger;

    public CustomersController(ShopDbContext db, IConfiguration config, ILogger<CustomersController> logger)
    {
        _db = db;
        _connectionString = config.GetConnectionString("Shop")!;
        _logger = logger;
    }

    [HttpGet("search")]
    public async Task<ActionResult<List<CustomerDto>>> Search([FromQuery] string name, [FromQuery] string? city, CancellationToken ct)
    {
        var sql = "SELECT Id, Name, Email, City FROM Customers WHERE Name LIKE '%" + name + "%'";
        if (!string.IsNullOrWhiteSpace(city))
        {
            sql += $" AND City = '{city}'";
        }

        var results = new List<CustomerDto>();
        await using var conn = new SqlConnection(_connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new SqlCommand(sql + " ORDER BY Name", conn); // vuln: CWE-89
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            results.Add(new CustomerDto(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return Ok(results);
    }

    [HttpGet("by-email")]
    public async Task<ActionResult<CustomerDto>> ByEmail([FromQuery] string email)
    {
        await using var conn = new SqlConnection(_connectionString);
        var customer = await conn.QuerySingleOrDefaultAsync<CustomerDto>("SELECT Id, Name, Email, City FROM Customers WHERE Email = @Email", new { Email = email.Trim() }); // safe: CWE-89
        if (customer is null)
        {
            return NotFound();
        }
        return Ok(customer);
    }

    [HttpGet("region/{region}")]
    public async Task<IActionResult> ByRegion(string region, [FromQuery] bool activeOnly = true)
    {
        var query = _db.Set<Customer>().FromSqlRaw($"SELECT * FROM Customers WHERE Region = '{region}'"); // vuln: CWE-89
        if (activeOnly)
        {
            query = query.Where(c => c.IsActive);
        }
        var list = await query.AsNoTracking().Select(c => new CustomerDto(c.Id, c.Name, c.Email, c.City)).ToListAsync();
        return Ok(list);
    }

    [HttpGet("{id:int}/orders")]
    public async Task<IActionResult> Orders(int id, [FromQuery] string status = "open")
    {
        var orders = await _db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE CustomerId = {id} AND Status = {status}").AsNoTracking().ToListAsync(); // safe: CWE-89
        return Ok(orders);
    }

    [HttpPut("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromBody] Customer customer)
    {
        if (id != customer.Id)
        {
            return BadRequest();
        }

        _db.Entry(customer).State = EntityState.Modified; // vuln: CWE-915
        try
        {
            await _db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            if (!await _db.Set<Customer>().AnyAsync(c => c.Id == id))
            {
                return NotFound();
            }
            throw;
        }

        _logger.LogInformation("Customer {CustomerId} updated by {User}", id, User.Identity?.Name);
        return NoContent();
    }
}
