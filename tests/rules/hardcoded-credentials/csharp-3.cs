// bastion-fixture: Data/AppDbContext.cs
public class AppDbContext : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder o) =>
// expect: hardcoded-credentials
        o.UseSqlServer("Server=db;Database=shop;User Id=sa;Password=Sup3rS3cret!;");
}
