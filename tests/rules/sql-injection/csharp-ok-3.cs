// bastion-fixture: src/Shop.Web/Pages/Products/Search.cshtml.cs
// The bound property goes in as a parameter; a property without `[BindProperty]` is the page's own.
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Shop.Web.Pages.Products
{
    public class SearchModel : PageModel
    {
        private readonly ShopDb _db;

        public SearchModel(ShopDb db) { _db = db; }

        [BindProperty(SupportsGet = true)]
        public string Term { get; set; } = "";

        public string Table { get; set; } = "Products";

        public List<Product> Results { get; private set; } = new();

        public async Task OnGetAsync()
        {
// ok: sql-injection
            Results = await _db.Products.FromSqlInterpolated($"SELECT Id, Name FROM Products WHERE Name = {Term}").ToListAsync();
            var count = await _db.Database.ExecuteSqlRawAsync("UPDATE Stats SET Hits = Hits + 1 WHERE TableName = '" + Table + "'");
        }
    }
}
