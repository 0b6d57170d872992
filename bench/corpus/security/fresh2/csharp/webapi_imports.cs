using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

namespace Contoso.Catalog.Api.Controllers
{
    public class ImportJob
    {
        public string Name { get; set; } = "";
        public List<object> Steps { get; set; } = new();
    }

    public class FeedRequest
    {
        public string FeedUrl { get; set; } = "";
        public string Category { get; set; } = "";
    }

    [ApiController]
    [Authorize(Roles = "CatalogEditor")]
    [Route("api/catalog/import")]
    public class CatalogImportController : ControllerBase
    {
        private static readonly HashSet<string> TrustedFeedHosts = new(StringComparer.OrdinalIgnoreCase)
        {
            "feeds.supplier-one.com",
            "export.acme-wholesale.net",
        };

        private readonly IHttpClientFactory _httpFactory;

        public CatalogImportController(IHttpClientFactory httpFactory) => _httpFactory = httpFactory;

        [HttpPost("xml")]
        public async Task<IActionResult> ImportXml(IFormFile file, CancellationToken ct)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver(), Async = true }; // vuln: CWE-611
            using var reader = XmlReader.Create(file.OpenReadStream(), settings);
            var count = 0;
            while (await reader.ReadAsync())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "product") count++;
            }
            return Ok(new { imported = count });
        }

        [HttpPost("supplier-feed")]
        public async Task<IActionResult> ImportSupplierFeed([FromBody] FeedRequest request, CancellationToken ct)
        {
            if (!Uri.TryCreate(request.FeedUrl, UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttps
                || !TrustedFeedHosts.Contains(uri.Host))
            {
                return BadRequest("feed host is not trusted");
            }
            var client = _httpFactory.CreateClient("feeds");
            var xml = await client.GetStringAsync(uri, ct); // safe: CWE-918
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }; // safe: CWE-611
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var doc = new XmlDocument { XmlResolver = null };
            doc.Load(reader);
            return Ok(new { products = doc.GetElementsByTagName("product").Count, category = request.Category });
        }

        [HttpPost("preview")]
        public async Task<IActionResult> Preview([FromBody] FeedRequest request, CancellationToken ct)
        {
            var client = _httpFactory.CreateClient();
            using var response = await client.GetAsync(request.FeedUrl, ct); // vuln: CWE-918
            var body = await response.Content.ReadAsStringAsync(ct);
            return Content(body.Length > 4000 ? body.Substring(0, 4000) : body, "text/plain");
        }

        [HttpPost("job")]
        public async Task<IActionResult> RunJob(CancellationToken ct)
        {
            using var sr = new StreamReader(Request.Body);
            var json = await sr.ReadToEndAsync();
            var job = JsonConvert.DeserializeObject<ImportJob>(json, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }); // vuln: CWE-502
            return Ok(new { job?.Name, steps = job?.Steps.Count ?? 0 });
        }

        [HttpPost("job/validate")]
        public async Task<IActionResult> ValidateJob(CancellationToken ct)
        {
            using var sr = new StreamReader(Request.Body);
            var json = await sr.ReadToEndAsync();
            var job = JsonConvert.DeserializeObject<ImportJob>(json, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None, MaxDepth = 32 }); // safe: CWE-502
            return job is null || string.IsNullOrWhiteSpace(job.Name) ? BadRequest() : Ok(new { valid = true });
        }
    }
}
