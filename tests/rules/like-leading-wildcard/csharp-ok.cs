// bastion-fixture: src/Catalog/ProductSearch.cs
// ok: like-leading-wildcard
public class ProductSearch
{
    public IEnumerable<Product> Find(IDbConnection db, string q)
    {
        return db.Query<Product>("SELECT id FROM products WHERE name LIKE @q", new { q = q + "%" });
    }
}
