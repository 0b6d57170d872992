// bastion-fixture: src/Shop.Web/Pages/Products/Search.cshtml.cs
// A Razor page: `[BindProperty]` fills `Term` from the query before `OnGetAsync` runs.
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

        public List<Product> Results { get; private set; } = new();

        public async Task OnGetAsync()
        {
// expect: sql-injection
            Results = await _db.Products.FromSqlRaw("SELECT Id, Name FROM Products WHERE Name LIKE '%" + Term + "%'").ToListAsync();
        }
    }
}
