// bastion-fixture: src/Api/Controllers/OrdersController.cs
public class OrdersController : ControllerBase
{
    [HttpGet("api/orders")]
    public async Task<IActionResult> Search([FromQuery] string customer, [FromQuery] string status)
    {
// expect: sql-injection
        var rows = await _connection.QueryAsync<Order>("SELECT * FROM orders WHERE customer = '" + customer + "'");
// expect: sql-injection
        var more = await store.QueryAsync<Order>($"SELECT * FROM orders WHERE status = '{status}'");
        return Ok(rows.Concat(more));
    }
}
