// bastion-fixture: src/Orders/OrderRepository.cs
public class OrderRepository
{
    public IEnumerable<Order> All(IDbConnection db)
    {
// expect: select-star
        return db.Query<Order>("SELECT * FROM orders");
    }
}
