using System;
using System.Collections.Generic;
using System.DirectoryServices;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;

namespace Intranet.Api.Controllers
{
    public sealed record PersonDto(string Login, string DisplayName, string? Email, string? Department);

    [ApiController]
    [Route("api/directory")]
    [Authorize]
    public class DirectoryController : ControllerBase
    {
        private readonly string _ldapPath;

        public DirectoryController(IConfiguration config)
        {
            _ldapPath = config["Directory:LdapPath"] ?? "LDAP://dc01.corp.example.com/DC=corp,DC=example,DC=com";
        }

        private DirectoryEntry OpenRoot() => new DirectoryEntry(_ldapPath);

        private static string EscapeLdapFilter(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (var ch in value)
            {
                switch (ch)
                {
                    case '\\': sb.Append(@"\5c"); break;
                    case '*': sb.Append(@"\2a"); break;
                    case '(': sb.Append(@"\28"); break;
                    case ')': sb.Append(@"\29"); break;
                    case '\0': sb.Append(@"\00"); break;
                    default: sb.Append(ch); break;
                }
            }
            return sb.ToString();
        }

        private static PersonDto ToDto(SearchResult r) => new PersonDto(
            r.Properties["sAMAccountName"].Cast<object>().FirstOrDefault()?.ToString() ?? "",
            r.Properties["displayName"].Cast<object>().FirstOrDefault()?.ToString() ?? "",
            r.Properties["mail"].Cast<object>().FirstOrDefault()?.ToString(),
            r.Properties["department"].Cast<object>().FirstOrDefault()?.ToString());

        [HttpGet("groups/{group}/members")]
        public IActionResult GroupMembers(string group, [FromQuery] string? department)
        {
            var filter = "(&(objectCategory=person)(memberOf=CN=" + group + ",OU=Groups,DC=corp,DC=example,DC=com)";
            if (!string.IsNullOrEmpty(department))
            {
                filter += "(department=" + department + ")";
            }
            filter += ")";

            using var root = OpenRoot();
            using var searcher = new DirectorySearcher(root, filter, new[] { "sAMAccountName", "displayName", "mail", "department" }); // vuln: CWE-90
            searcher.SizeLimit = 500;
            var members = searcher.FindAll().Cast<SearchResult>().Select(ToDto).ToList();
            return Ok(members);
        }

        [HttpGet("people")]
        public IActionResult SearchPeople([FromQuery] string name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length < 2)
            {
                return BadRequest(new { error = "name must have at least 2 characters" });
            }

            var filter = $"(&(objectCategory=person)(displayName={EscapeLdapFilter(name)}*))";
            using var root = OpenRoot();
            using var searcher = new DirectorySearcher(root, filter, new[] { "sAMAccountName", "displayName", "mail", "department" }); // safe: CWE-90
            searcher.SizeLimit = 50;
            return Ok(searcher.FindAll().Cast<SearchResult>().Select(ToDto).ToList());
        }

        [HttpPost("import/org-chart")]
        [Authorize(Roles = "HR")]
        [Consumes("application/xml", "text/xml")]
        public async Task<IActionResult> ImportOrgChart()
        {
            using var buffer = new MemoryStream();
            await Request.Body.CopyToAsync(buffer);
            buffer.Position = 0;

            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }; // vuln: CWE-611
            using var reader = XmlReader.Create(buffer, settings);
            var doc = new XmlDocument();
            doc.Load(reader);

            var units = doc.SelectNodes("/orgChart/unit")?.Cast<XmlNode>()
                .Select(n => n.Attributes?["name"]?.Value)
                .Where(n => n != null)
                .ToList() ?? new List<string?>();
            return Ok(new { imported = units.Count, units });
        }

        [HttpPost("import/cost-centers")]
        [Authorize(Roles = "Finance")]
        [Consumes("application/xml", "text/xml")]
        public async Task<IActionResult> ImportCostCenters()
        {
            using var buffer = new MemoryStream();
            await Request.Body.CopyToAsync(buffer);
            buffer.Position = 0;

            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }; // safe: CWE-611
            using var reader = XmlReader.Create(buffer, settings);
            var doc = new XmlDocument { XmlResolver = null };
            doc.Load(reader);

            var codes = new List<string>();
            var nodes = doc.SelectNodes("/costCenters/center/@code");
            if (nodes != null)
            {
                foreach (XmlNode node in nodes)
                {
                    codes.Add(node.Value ?? "");
                }
            }
            return Ok(new { imported = codes.Count });
        }
    }
}
