using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

namespace Ledgerly.Api.Controllers
{
    public class StatementLine
    {
        public string Reference { get; set; } = "";
        public decimal Amount { get; set; }
        public DateTime BookedAt { get; set; }
    }

    public class ImportJob
    {
        public string Kind { get; set; } = "";
        public Dictionary<string, object> Options { get; set; } = new();
        public List<StatementLine> Lines { get; set; } = new();
    }

    [ApiController]
    [Authorize(Roles = "Accountant")]
    [Route("api/imports")]
    public class ImportsController : ControllerBase
    {
        private static readonly JsonSerializerSettings LegacySettings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.Auto,
            MissingMemberHandling = MissingMemberHandling.Ignore
        };

        [HttpPost("camt")]
        public async Task<IActionResult> ImportCamt(IFormFile statement)
        {
            var doc = new XmlDocument();
            doc.XmlResolver = new XmlUrlResolver();
            await using var stream = statement.OpenReadStream();
            doc.Load(stream); // vuln: CWE-611
            var ns = new XmlNamespaceManager(doc.NameTable);
            ns.AddNamespace("c", "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02");
            var lines = new List<StatementLine>();
            foreach (XmlNode entry in doc.SelectNodes("//c:Ntry", ns)!)
            {
                lines.Add(new StatementLine
                {
                    Reference = entry.SelectSingleNode("c:NtryRef", ns)?.InnerText ?? "",
                    Amount = decimal.Parse(entry.SelectSingleNode("c:Amt", ns)?.InnerText ?? "0"),
                    BookedAt = DateTime.Parse(entry.SelectSingleNode("c:BookgDt/c:Dt", ns)?.InnerText ?? "1970-01-01")
                });
            }
            return Ok(new { imported = lines.Count });
        }

        [HttpPost("pain")]
        public IActionResult ImportPain(IFormFile file)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null
            };
            using var reader = XmlReader.Create(file.OpenReadStream(), settings);
            var doc = new XmlDocument { XmlResolver = null };
            doc.Load(reader); // safe: CWE-611
            var count = doc.GetElementsByTagName("CdtTrfTxInf").Count;
            return Ok(new { transfers = count });
        }

        [HttpPost("rules/lookup")]
        public IActionResult LookupRule([FromForm] string account, [FromForm] string rulesXml)
        {
            var doc = new XmlDocument { XmlResolver = null };
            doc.LoadXml(rulesXml);
            var expr = "/rules/rule[@account='" + account + "']/category";
            var node = doc.SelectSingleNode(expr); // vuln: CWE-643
            return Ok(new { category = node?.InnerText });
        }

        [HttpPost("jobs/legacy")]
        public async Task<IActionResult> SubmitLegacyJob()
        {
            using var body = new StreamReader(Request.Body);
            var raw = await body.ReadToEndAsync();
            var job = JsonConvert.DeserializeObject<ImportJob>(raw, LegacySettings); // vuln: CWE-502
            if (job == null) return BadRequest();
            return Accepted(new { job.Kind, lines = job.Lines.Count });
        }

        [HttpPost("jobs")]
        public async Task<IActionResult> SubmitJob()
        {
            var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
            var job = await System.Text.Json.JsonSerializer.DeserializeAsync<ImportJob>(Request.Body, options); // safe: CWE-502
            if (job == null) return BadRequest();
            return Accepted(new { job.Kind, lines = job.Lines.Count });
        }
    }
}
