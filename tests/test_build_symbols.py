"""A security shortcut compiled only into a test or debug build (C#'s `#if …TESTING`,
`#if DEBUG`) goes to the summary with the symbol named; the same code in the release
branch (`#else`), under a negated symbol or outside any block stays inline. Also: a .NET
Aspire app host (local orchestration) is not deployed code."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files

HANDLER = """\
public class AdminAuth
{
    public TokenValidationParameters Build(Config config)
    {
        var p = new TokenValidationParameters();
#if {symbol}
        if (config.TestMode)
        {
            {test_branch}
        }
#else
        {release_branch}
#endif
        return p;
    }
}
"""
OFF = "p.ValidateIssuerSigningKey = false;"
ON = "p.ValidateIssuerSigningKey = true;"


def _jwt(symbol: str, test_branch: str = OFF, release_branch: str = ON) -> list[Severity]:
    code = (
        HANDLER.replace("{symbol}", symbol)
        .replace("{test_branch}", test_branch)
        .replace("{release_branch}", release_branch)
    )
    findings = review_files([added_file("src/Admin/AdminAuth.cs", code)]).findings
    return [f.severity for f in findings if f.rule == "jwt-verification-disabled"]


def test_a_test_build_branch_goes_to_the_summary() -> None:
    assert _jwt("UNSAFE_ADMIN_API_AUTH_BYPASS_FOR_TESTING") == [Severity.INFO]


def test_the_else_branch_is_the_release_build() -> None:
    got = _jwt("UNSAFE_ADMIN_API_AUTH_BYPASS_FOR_TESTING", test_branch=ON, release_branch=OFF)
    assert got and got[0] is not Severity.INFO


def test_debug_is_a_test_build_but_not_when_negated_or_shared() -> None:
    assert _jwt("DEBUG") == [Severity.INFO]
    for symbol in ("!DEBUG", "RELEASE_BUILD", "DEBUG || AZURE"):
        got = _jwt(symbol)
        assert got and got[0] is not Severity.INFO, symbol


def test_nested_blocks_are_skipped_over() -> None:
    branch = "#if NET8_0\n            var unused = 1;\n#endif\n            " + OFF
    assert _jwt("E2E_TESTING", test_branch=branch) == [Severity.INFO]


def test_an_aspire_app_host_is_not_deployed_code() -> None:
    code = """\
var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback =
        HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
};
"""

    def tls(path: str) -> list[Severity]:
        findings = review_files([added_file(path, code)]).findings
        return [f.severity for f in findings if f.category.value == "security"]

    assert tls("src/Gallery.AppHost.Tools/Warmup.cs") == [Severity.INFO]
    got = tls("src/Gallery/Services/Warmup.cs")
    assert got and got[0] is not Severity.INFO


def test_a_comment_after_the_condition_is_not_part_of_it() -> None:
    assert _jwt("DEBUG // local runs only") == [Severity.INFO]
    got = _jwt("RELEASE // not a TEST build")
    assert got and got[0] is not Severity.INFO
