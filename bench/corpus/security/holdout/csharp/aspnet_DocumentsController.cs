using System;
using System.Data;
using System.Diagnostics;
using System.DirectoryServices;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using System.Web;
using System.Xml;
using System.Xml.XPath;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Docs.Data;

namespace Docs.Controllers
{
    [Authorize]
    [Route("documents")]
    public class DocumentsController : Controller
    {
        private const string Root = "/srv/docs";
        private const string ConnectionString = "Host=db;Database=docs;Username=docs;Password=docs-Pa55!"; // vuln: CWE-798
        private readonly DocsContext _db;
        private readonly IDbConnection _conn;
        private readonly ILogger<DocumentsController> _log;
        private readonly IHttpClientFactory _clients;

        public DocumentsController(DocsContext db, IDbConnection conn, ILogger<DocumentsController> log, IHttpClientFactory clients)
        {
            _db = db;
            _conn = conn;
            _log = log;
            _clients = clients;
        }

        [HttpGet("search")]
        public async Task<IActionResult> Search(string title)
        {
            await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("DOCS_DB")); // safe: CWE-798
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"SELECT id FROM documents WHERE title = '{title}'", conn); // vuln: CWE-89
            var id = await cmd.ExecuteScalarAsync();
            return Ok(id);
        }

        [HttpGet("search-safe")]
        public async Task<IActionResult> SearchSafe(string title)
        {
            await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("DOCS_DB"));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT id FROM documents WHERE title = @title", conn); // safe: CWE-89
            cmd.Parameters.AddWithValue("title", title);
            return Ok(await cmd.ExecuteScalarAsync());
        }

        [HttpGet("tag")]
        public IActionResult ByTag(string tag)
        {
            var cmd = _conn.CreateCommand();
            cmd.CommandText = "SELECT id FROM documents WHERE tag = '" + tag + "'"; // vuln: CWE-89
            using var reader = cmd.ExecuteReader();
            return Ok(reader.Read());
        }

        [HttpGet("owner")]
        public IActionResult ByOwner(string owner)
        {
            var docs = _conn.Query<Document>("SELECT * FROM documents WHERE owner = '" + owner + "'"); // vuln: CWE-89
            return Ok(docs);
        }

        [HttpGet("owner-safe")]
        public IActionResult ByOwnerSafe(string owner)
        {
            var docs = _db.Documents.Where(d => d.Owner == owner).ToList(); // safe: CWE-89
            return Ok(docs);
        }

        [HttpGet("archived/{year:int}")]
        public IActionResult Archived(int year)
        {
            var docs = _db.Documents.FromSqlRaw("SELECT * FROM documents WHERE year = " + year).ToList(); // safe: CWE-89
            return Ok(docs);
        }

        [HttpGet("raw-interpolated")]
        public IActionResult RawInterpolated(string category)
        {
            var docs = _db.Documents.FromSqlRaw("SELECT * FROM documents WHERE category = {0}", category).ToList(); // safe: CWE-89
            return Ok(docs);
        }

        [HttpGet("directory")]
        public IActionResult Directory(string user)
        {
            using var entry = new DirectoryEntry("LDAP://corp.example");
            var searcher = new DirectorySearcher(entry) { Filter = "(&(objectClass=user)(sAMAccountName=" + user + "))" }; // vuln: CWE-90
            return Ok(searcher.FindOne()?.Path);
        }

        [HttpGet("meta")]
        public IActionResult Meta(string key)
        {
            var nav = new XPathDocument(Path.Combine(Root, "meta.xml")).CreateNavigator();
            var node = nav.SelectSingleNode("/meta/entry[@key='" + key + "']"); // vuln: CWE-643
            return Ok(node?.Value);
        }

        [HttpGet("meta-fixed")]
        public IActionResult MetaFixed()
        {
            var nav = new XPathDocument(Path.Combine(Root, "meta.xml")).CreateNavigator();
            var node = nav.SelectSingleNode("/meta/entry[@key='version']"); // safe: CWE-643
            return Ok(node?.Value);
        }

        [HttpPost("upload")]
        public async Task<IActionResult> Upload(string name)
        {
            var path = Path.Combine(Root, name);
            await using var fs = System.IO.File.Create(path); // vuln: CWE-22
            await Request.Body.CopyToAsync(fs);
            return NoContent();
        }

        [HttpPost("upload-safe")]
        public async Task<IActionResult> UploadSafe(string name)
        {
            var path = Path.Combine(Root, Path.GetFileName(name));
            await using var fs = System.IO.File.Create(path); // safe: CWE-22
            await Request.Body.CopyToAsync(fs);
            return NoContent();
        }

        [HttpPost("convert")]
        public IActionResult Convert(string file)
        {
            var psi = new ProcessStartInfo("/bin/bash", "-c \"pandoc " + file + " -o out.pdf\""); // vuln: CWE-78
            Process.Start(psi)?.WaitForExit();
            return NoContent();
        }

        [HttpPost("convert-safe")]
        public IActionResult ConvertSafe(string file)
        {
            var psi = new ProcessStartInfo("pandoc");
            psi.ArgumentList.Add(Path.GetFileName(file));
            psi.ArgumentList.Add("-o");
            psi.ArgumentList.Add("out.pdf");
            Process.Start(psi)?.WaitForExit(); // safe: CWE-78
            return NoContent();
        }

        [HttpGet("preview")]
        public async Task<IActionResult> Preview(string source)
        {
            var client = _clients.CreateClient();
            var html = await client.GetStringAsync(source); // vuln: CWE-918
            return Content(html, "text/plain");
        }

        [HttpGet("heading")]
        public IActionResult Heading(string text)
        {
            return Content($"<h1>{text}</h1>", "text/html"); // vuln: CWE-79
        }

        [HttpGet("heading-safe")]
        public IActionResult HeadingSafe(string text)
        {
            return Content($"<h1>{HttpUtility.HtmlEncode(text)}</h1>", "text/html"); // safe: CWE-79
        }

        [HttpGet("return")]
        public IActionResult Return(string url)
        {
            return new RedirectResult(url); // vuln: CWE-601
        }

        [HttpGet("return-safe")]
        public IActionResult ReturnSafe()
        {
            return RedirectToAction(nameof(Search)); // safe: CWE-601
        }

        [HttpPost("comment")]
        public IActionResult Comment(string text)
        {
            _log.LogWarning($"comment posted: {text}"); // vuln: CWE-117
            return NoContent();
        }

        [HttpGet("download")]
        public IActionResult Download(string fileName)
        {
            Response.Headers["Content-Disposition"] = "attachment; filename=" + fileName; // vuln: CWE-113
            return Ok();
        }

        [HttpPost("legacy-import")]
        public IActionResult LegacyImport()
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse }; // vuln: CWE-611
            using var reader = XmlReader.Create(Request.Body, settings);
            while (reader.Read()) { }
            return NoContent();
        }

        [HttpPost("state")]
        public IActionResult State(string blob)
        {
            var serializer = new System.Web.Script.Serialization.JavaScriptSerializer(new System.Web.Script.Serialization.SimpleTypeResolver());
            var obj = serializer.DeserializeObject(blob); // vuln: CWE-502
            return Ok(obj);
        }

        [AllowAnonymous]
        [IgnoreAntiforgeryToken] // vuln: CWE-352
        [HttpPost("public-comment")]
        public IActionResult PublicComment(string text) => NoContent();

        [ValidateAntiForgeryToken] // safe: CWE-352
        [HttpPost("private-comment")]
        public IActionResult PrivateComment(string text) => NoContent();

        private static byte[] Fingerprint(byte[] data) => SHA1.Create().ComputeHash(data); // vuln: CWE-328

        private static byte[] Fingerprint256(byte[] data) => SHA256.HashData(data); // safe: CWE-328

        private static string DownloadToken() => Guid.NewGuid().ToString("N"); // safe: CWE-330
    }
}
