// bastion-fixture: Data/AppDbContext.cs
// ok: hardcoded-credentials
public class AppDbContext : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder o) =>
        o.UseSqlServer($"Server=db;Database=shop;User Id=app;Password={_password};");
    const string Local = "Server=db;Database=shop;Integrated Security=true;";
}
