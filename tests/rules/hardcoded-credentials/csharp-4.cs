// bastion-fixture: src/Shop.Data/ShopDbContextFactory.cs
using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

// Built by the running application: the password ships with every build.
public sealed class ShopDbContextFactory
{
    public ShopDbContext Create()
    {
        var builder = new DbContextOptionsBuilder<ShopDbContext>()
// expect: hardcoded-credentials
            .UseNpgsql("Host=shop-db.internal.example.net;Database=shop;Username=shop;Password=Migr4te!");

        return new ShopDbContext(builder.Options);
    }
}
