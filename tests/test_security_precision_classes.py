"""Per-finding severity for the false-alarm classes of the security precision sets
(docs/benchmarks.md, "secprec2"): what stays inline and what goes to the summary."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from tests.rule_helpers import fixture_case, review_change, run_rule


def _severities(rule: str, fixture: str) -> dict[int, Severity]:
    case = fixture_case(rule, fixture)
    findings = run_rule([added_file(case.path, case.code)], rule)
    assert sorted(f.line for f in findings) == sorted(case.lines)
    return {f.line: f.severity for f in findings}


def _line_of(rule: str, fixture: str, needle: str) -> int:
    case = fixture_case(rule, fixture)
    return next(n for n, text in enumerate(case.code.split("\n"), 1) if needle in text)


def test_python_timeout_inline_only_for_internet_hosts_probes_and_unknown_urls() -> None:
    rule, name = "http-request-no-timeout", "python-2.py"
    got = _severities(rule, name)
    summary = {
        "localhost:{port}/embed",
        "post(EMBEDDINGS",
        "SIMILARITY_SERVER",
        "captioner:8007",
        "{base}/tags",
    }
    inline = {"/health", "RELEASES)", "example-cdn.com", "get(url)"}
    for needle in summary:
        assert got[_line_of(rule, name, needle)] is Severity.INFO, needle
    for needle in inline:
        assert got[_line_of(rule, name, needle)] is Severity.MEDIUM, needle


def test_python_timeout_in_a_script_run_by_hand_goes_to_the_summary() -> None:
    code = (
        "import requests\n\n\ndef authors():\n"
        '    return requests.get("https://api.github.com/repos/a/b/contributors").json()\n\n\n'
        'if __name__ == "__main__":\n    print(authors())\n'
    )
    script = added_file("extras/authors/list_authors.py", code)
    findings = run_rule([script], "http-request-no-timeout")
    assert [(f.line, f.severity) for f in findings] == [(5, Severity.INFO)]


def test_python_timeout_in_a_typer_command_goes_to_the_summary() -> None:
    code = (
        "import requests\nimport typer\n\napp = typer.Typer()\n\n\n@app.command()\n"
        "def download_legal() -> None:\n"
        '    text = requests.get("https://www.example.org/privacy.md").text\n'
        '    open("privacy.md", "w").write(text)\n'
    )
    command = added_file("backend/src/appointment/commands/download_legal.py", code)
    findings = run_rule([command], "http-request-no-timeout")
    assert [(f.line, f.severity) for f in findings] == [(9, Severity.INFO)]
    served = added_file("backend/src/appointment/routes/legal.py", code.replace("typer", "fastapi"))
    findings = run_rule([served], "http-request-no-timeout")
    assert [(f.line, f.severity) for f in findings] == [(9, Severity.MEDIUM)]


def test_a_dotnet_security_analyzer_suppression_on_the_method_sends_it_to_the_summary() -> None:
    method = (
        "using System;\nusing System.Security.Cryptography;\nusing System.Text;\n\n"
        "public class ListingsController\n{{\n{attribute}"
        "    public string Save(string pw)\n    {{\n"
        "        return Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(pw)));\n"
        "    }}\n}}\n"
    )
    reviewed = method.format(
        attribute='    [SuppressMessage("Microsoft.Security", "CA5350:RemoveSha1", '
        'Justification = "The provider\'s API takes SHA-1")]\n'
    )
    findings = run_rule([added_file("Api/ListingsController.cs", reviewed)], "password-fast-hash")
    assert [(f.line, f.severity) for f in findings] == [(10, Severity.INFO)]
    plain = method.format(attribute="")
    findings = run_rule([added_file("Api/ListingsController.cs", plain)], "password-fast-hash")
    assert [(f.line, f.severity) for f in findings] == [(9, Severity.HIGH)]


def test_go_timeout_summary_for_local_and_configured_hosts() -> None:
    rule, name = "http-request-no-timeout", "go-2.go"
    got = _severities(rule, name)
    assert got[_line_of(rule, name, "localhost:%d")] is Severity.INFO
    assert got[_line_of(rule, name, "AGENT_URL")] is Severity.INFO
    assert got[_line_of(rule, name, "/ping")] is Severity.MEDIUM  # a probe must not hang
    assert got[_line_of(rule, name, "api.github.com")] is Severity.MEDIUM


_BEFORE_CS = """namespace Shop.Web.Config
{
    public static class WebExtensions
    {
        public static void AddWebCors(this IServiceCollection services)
        {
            services.AddCors(o => o.AddDefaultPolicy(p =>
                p.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowCredentials()));
        }
    }
}
"""

# The same file after a file-scoped-namespace conversion: every line re-indented.
_AFTER_CS = """namespace Shop.Web.Config;

public static class WebExtensions
{
    public static void AddWebCors(this IServiceCollection services)
    {
        services.AddCors(o => o.AddDefaultPolicy(p =>
            p.SetIsOriginAllowed(_ => true).AllowAnyHeader().AllowCredentials()));
    }
}
"""


def test_a_line_only_reindented_goes_to_the_summary() -> None:
    rule = "cors-any-origin-with-credentials"
    findings = review_change("src/Config/WebExtensions.cs", _BEFORE_CS, _AFTER_CS, rule)
    assert [(f.line, f.severity) for f in findings] == [(8, Severity.INFO)]
    assert "re-indents" in findings[0].body


def test_a_reindented_line_that_also_changed_stays_inline() -> None:
    rule = "cors-any-origin-with-credentials"
    after = _AFTER_CS.replace("AllowAnyHeader()", "AllowAnyHeader().AllowAnyMethod()")
    findings = review_change("src/Config/WebExtensions.cs", _BEFORE_CS, after, rule)
    assert [(f.line, f.severity) for f in findings] == [(8, Severity.HIGH)]


def test_python_reindent_into_a_function_goes_to_the_summary() -> None:
    before = 'import requests\n\nrates = requests.get("https://rates.example.com/v1").json()\n'
    after = (
        "import requests\n\n\ndef load():\n"
        '    rates = requests.get("https://rates.example.com/v1").json()\n'
        "    return rates\n"
    )
    findings = review_change("app/rates.py", before, after, "http-request-no-timeout")
    assert [(f.line, f.severity) for f in findings] == [(5, Severity.INFO)]
    fresh = after.replace("/v1", "/v2")
    findings = review_change("app/rates.py", before, fresh, "http-request-no-timeout")
    assert [(f.line, f.severity) for f in findings] == [(5, Severity.MEDIUM)]


def test_a_security_analyzer_suppression_on_the_line_sends_the_finding_to_the_summary() -> None:
    code = (
        "package storage\n\n"
        'import "crypto/tls"\n\n'
        "func insecure(skip bool) *tls.Config {\n"
        "\tif skip {\n"
        "\t\treturn &tls.Config{InsecureSkipVerify: true} // #nosec G402 -- opt-in setting\n"
        "\t}\n"
        "\treturn &tls.Config{InsecureSkipVerify: true}\n"
        "}\n"
    )
    findings = run_rule([added_file("internal/storage/s3.go", code)], "tls-verification-disabled")
    assert [(f.line, f.severity) for f in findings] == [(7, Severity.INFO), (9, Severity.HIGH)]
    assert "suppression" in findings[0].body


def test_python_timeout_forwarded_through_kwargs_is_judged_by_the_callers_in_the_file() -> None:
    """A wrapper spreading its `**kwargs` into the request: no finding when every caller
    in the file passes `timeout=` (python-ok-3.py), a comment when one omits it, and a
    comment too when the callers are in other files (a shared helper's callers may not
    pass one)."""
    got = _severities("http-request-no-timeout", "python-3.py")
    wrapper = _line_of("http-request-no-timeout", "python-3.py", "self.base_url + path")
    helper = _line_of("http-request-no-timeout", "python-3.py", "get(url, **options)")
    assert got[wrapper] is Severity.MEDIUM
    assert got[helper] is Severity.MEDIUM


_SERVICE_CALLS_TS = """import express from 'express'
import axios from 'axios'
const app = express()
app.post('/chat', async (req, res) => {
  const ollamaBaseUrl = req.body.ollamaBaseUrl
  const r = await axios.post(`${ollamaBaseUrl}/api/chat`, { model: 'x' }, { timeout: 5000 })
  res.json(r.data)
})
app.get('/image', async (req, res) => {
  const url = req.query.url
  const r = await axios.get(url, { timeout: 5000 })
  res.json({ size: r.data.length })
})
"""


def test_ssrf_to_the_address_of_a_service_the_user_connects_goes_to_the_summary() -> None:
    findings = run_rule([added_file("server/chat.ts", _SERVICE_CALLS_TS)], "ssrf")
    assert [(f.line, f.severity) for f in findings] == [(6, Severity.INFO), (11, Severity.HIGH)]
    assert "`ollamaBaseUrl` is the address of a service the user connects" in findings[0].body
