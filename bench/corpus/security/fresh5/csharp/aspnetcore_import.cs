using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;
using Catalog.Models;
using Catalog.Services;

namespace Catalog.Controllers;

[ApiController]
[Authorize(Roles = "catalog-editor")]
[Route("api/import")]
public class ImportController : ControllerBase
{
    private readonly ICatalogStore _store;

    public ImportController(ICatalogStore store)
    {
        _store = store;
    }

    [HttpPost("products")]
    [Consumes("application/xml")]
    public async Task<IActionResult> Products()
    {
        using var reader = new StreamReader(Request.Body);
        var xml = await reader.ReadToEndAsync();

        var doc = new XmlDocument { XmlResolver = new XmlUrlResolver() };
        doc.LoadXml(xml); // vuln: CWE-611

        var count = 0;
        foreach (XmlElement node in doc.GetElementsByTagName("product"))
        {
            await _store.UpsertAsync(node.GetAttribute("sku"), node.InnerText.Trim());
            count++;
        }
        return Ok(new { imported = count });
    }

    [HttpPost("prices")]
    [Consumes("application/xml")]
    public async Task<IActionResult> Prices()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true };
        using var xr = XmlReader.Create(Request.Body, settings);
        var doc = new XmlDocument();
        doc.Load(xr); // safe: CWE-611

        var updated = 0;
        foreach (XmlElement node in doc.GetElementsByTagName("price"))
        {
            if (decimal.TryParse(node.InnerText, out var amount))
            {
                await _store.SetPriceAsync(node.GetAttribute("sku"), amount);
                updated++;
            }
        }
        return Ok(new { updated });
    }

    [HttpPost("rules")]
    public async Task<IActionResult> Rules()
    {
        using var reader = new StreamReader(Request.Body);
        var body = await reader.ReadToEndAsync();

        var rules = JsonConvert.DeserializeObject<List<object>>(body, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }); // vuln: CWE-502

        await _store.ReplaceRulesAsync(rules ?? new List<object>());
        return Ok(new { count = rules?.Count ?? 0 });
    }

    [HttpPost("categories")]
    public async Task<IActionResult> Categories()
    {
        var categories = await System.Text.Json.JsonSerializer.DeserializeAsync<List<CategoryDto>>(
            Request.Body,
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true });

        foreach (var c in categories ?? new List<CategoryDto>())
        {
            await _store.UpsertCategoryAsync(c.Slug, c.Title);
        }
        return Ok(new { count = categories?.Count ?? 0 });
    }
}
