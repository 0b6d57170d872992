// bastion-fixture: src/Shop.Api/LocalDatabase.cs
// ok: hardcoded-credentials
namespace Shop.Api;

public static class LocalDatabase
{
    // The docker-compose database a developer starts next to the API.
    public const string Postgres = "Server=localhost;Port=5432;Database=shop;User Id=postgres;Password=postgres";
    public const string SqlServer = "Data Source=127.0.0.1,1433;Initial Catalog=shop;User ID=sa;Password=Passw0rd!";
    public const string LocalDb = "Server=(localdb)\\mssqllocaldb;Database=shop;User Id=dev;Password=dev";
}
