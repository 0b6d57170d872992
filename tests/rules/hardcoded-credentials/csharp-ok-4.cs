// bastion-fixture: src/Shop.Data/Providers/Postgres/ShopDbContextDesignTimeFactory.cs
// ok: hardcoded-credentials
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Shop.Data.Providers.Postgres;

// Used by `dotnet ef migrations add` only; the application builds its context from configuration.
public sealed class ShopDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ShopDbContext>
{
    public ShopDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ShopDbContext>()
            .UseNpgsql("Host=db-migrations;Database=shop;Username=shop;Password=Migr4te!");

        return new ShopDbContext(builder.Options);
    }
}
