// bastion-fixture: src/Catalog/ProductSearch.cs
public class ProductSearch
{
    public IEnumerable<Product> Find(IDbConnection db, string q)
    {
// expect: like-leading-wildcard
        return db.Query<Product>("SELECT id FROM products WHERE name LIKE @q", new { q = "%" + q + "%" });
    }
}
