// bastion-fixture: src/Orders/OrderRepository.cs
// ok: select-star
public class OrderRepository
{
    public IEnumerable<Order> All(IDbConnection db)
    {
        return db.Query<Order>("SELECT id, total FROM orders");
    }
}
