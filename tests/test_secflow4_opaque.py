"""Flows whose every origin went through a call of code the change does not show
(`link_service.resolve(u)`) go to the summary, naming the call; a flow through calls known
to hand text on (string building, joins, conversions) stays inline. Fixed in
docs/benchmarks.md, "secflow4"."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from tests.rule_helpers import fixture_case, run_rule


def _severities(rule: str, fixture: str) -> dict[int, tuple[Severity, str]]:
    case = fixture_case(rule, fixture)
    findings = run_rule([added_file(case.path, case.code)], rule)
    assert sorted(f.line for f in findings) == sorted(case.lines)
    return {f.line: (f.severity, f.title or "") for f in findings}


def _summary_and_inline(rule: str, fixture: str, opaque: list[str]) -> None:
    got = _severities(rule, fixture)
    summary = sorted(line for line, (severity, _) in got.items() if severity is Severity.INFO)
    inline = [line for line in got if line not in summary]
    assert len(summary) == len(opaque) and inline, got
    for line, name in zip(summary, opaque, strict=True):
        title = got[line][1]
        assert f"only through `{name}()` (not in this change)" in title, title


def test_python_flow_through_a_service_call_goes_to_the_summary() -> None:
    _summary_and_inline(
        "open-redirect",
        "python-5.py",
        ["link_service.resolve", "resolve_alias", "link_service.resolve"],
    )


def test_go_flow_through_a_method_of_the_store_goes_to_the_summary() -> None:
    _summary_and_inline("ssrf", "go-2.go", ["h.links.Resolve"])


def test_java_flow_through_an_injected_service_goes_to_the_summary() -> None:
    _summary_and_inline("path-traversal", "java-3.java", ["attachments.storedPathFor"])


def test_csharp_flow_through_an_injected_resolver_goes_to_the_summary() -> None:
    _summary_and_inline("ssrf", "csharp-3.cs", ["pictures.ResolveAsync"])


def test_ruby_flow_through_a_class_method_goes_to_the_summary() -> None:
    _summary_and_inline("open-redirect", "ruby-2.rb", ["ShareLinks.resolve"])


def test_typescript_flow_through_an_imported_service_goes_to_the_summary() -> None:
    _summary_and_inline("path-traversal", "typescript-2.ts", ["exportService.fileNameFor"])


def test_one_direct_path_keeps_the_finding_inline() -> None:
    code = (
        "from flask import redirect, request\n"
        "from app.links import resolve\n"
        "\n"
        "def jump():\n"
        "    url = request.args['next']\n"
        "    target = resolve(url) if request.args.get('stored') else url\n"
        "    return redirect(target)\n"
    )
    findings = run_rule([added_file("app/views.py", code)], "open-redirect")
    assert [(f.line, f.severity) for f in findings] == [(7, Severity.MEDIUM)]


def test_the_projects_own_redirect_helper_is_the_redirect() -> None:
    got = _severities("open-redirect", "php-4.php")
    first, second = sorted(got)
    assert got[first][0] is not Severity.INFO, got
    assert got[second][0] is Severity.INFO, got
    assert "only through `this.shareService.resolve()`" in got[second][1]


def test_a_call_into_another_file_of_the_change_is_not_opaque() -> None:
    case = fixture_case("path-traversal", "python-5.py")
    files = [added_file(case.path, case.code), *(added_file(p, c) for p, c in case.changed)]
    found = [f for f in run_rule(files, "path-traversal") if f.path == case.path]
    assert [(f.line, f.severity) for f in found] == [(case.lines[0], Severity.HIGH)]
    assert "only through" not in (found[0].title or "")
    # The same file alone: the function's code is not in the change.
    alone = run_rule([added_file(case.path, case.code)], "path-traversal")
    assert [(f.line, f.severity) for f in alone] == [(case.lines[0], Severity.INFO)]


def test_a_name_validators_verdict_or_throw_guards_the_name() -> None:
    for name in ("python-ok-5.py", "java-ok-3.java"):
        case = fixture_case("path-traversal", name)
        assert run_rule([added_file(case.path, case.code)], "path-traversal") == [], name


def test_go_method_of_a_bound_request_struct_goes_to_the_summary() -> None:
    _summary_and_inline("open-redirect", "go-3.go", ["service.PreviewURL"])


SSO_CONTROLLER = """\
using Microsoft.AspNetCore.Mvc;

public class SsoController : ControllerBase
{
    private readonly OidcClient _client;

    [HttpGet("oidc-authorize-url")]
    public IActionResult GetOidcAuthorizeUrl([FromQuery(Name = "redirect_uri")] string redirectUri)
    {
        var url = _client.ComposeTarget(redirectUri);
        return Redirect(url);
    }
}
"""

OIDC_CLIENT = """\
public class OidcClient
{
    private readonly OidcOptions _options;

    public string ComposeTarget(string redirectUri)
    {
        return _options.AuthorizationEndpoint + "?redirect_uri=" + redirectUri;
    }
}
"""


def test_a_call_into_another_file_not_followed_in_its_language_stays_in_the_summary() -> None:
    # C# calls across files are not walked: the finding keeps to the summary and says
    # the callee is in the change (not "not in this change").
    files = [
        added_file("src/Api/SsoController.cs", SSO_CONTROLLER),
        added_file("src/Api/OidcClient.cs", OIDC_CLIENT),
    ]
    found = run_rule(files, "open-redirect")
    assert [(f.line, f.severity) for f in found] == [(11, Severity.INFO)]
    assert "which another file of this change defines" in found[0].body
    assert "not in this change" not in (found[0].title or "")
