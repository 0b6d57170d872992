"""Password hashing, weak ciphers, HTTP timeouts, XSS, XXE, SSRF, auth guards, Django DEBUG,
Jinja autoescape, Python JWT/CORS/mass assignment and Laravel CORS: each rule's fixtures in
every language as real diffs (added bad lines reported, the same lines as old context not),
suggestions that parse, and the helpers that keep the rules quiet on safe code."""

from __future__ import annotations

import ast
import difflib
from pathlib import PurePosixPath

import pytest
from rule_helpers import fixture_cases, review_change, review_new, selected

from bot.diff import parse_diff
from bot.models import Severity
from bot.rules.engine import RuleCase, catalog_rules, run_rules
from bot.rules.lib.python_ast import names_password
from bot.rules.lib.python_finders import is_public
from bot.rules.security_python import is_production_settings
from bot.select import language_of

MINE = (
    "password-fast-hash",
    "weak-cipher",
    "http-client-no-timeout",
    "reflected-xss",
    "xxe",
    "ssrf",
    "route-missing-auth-guard",
    "cors-any-origin-with-credentials",
    "debug-errors-shown",
    "jinja-autoescape-disabled",
    "jwt-verification-disabled",
    "mass-assignment",
)
_COMMENT = {".py": "# end", ".rb": "# end"}


def _positives() -> list[tuple[str, RuleCase]]:
    return [(rid, case) for rid in MINE for case in fixture_cases(rid)[0]]


def _without(code: str, lines: tuple[int, ...]) -> str:
    rows = code.split("\n")
    return "\n".join(r for n, r in enumerate(rows, 1) if n not in lines)


def _gaps() -> set[tuple[str, str, str]]:
    """Pairs `tests/rules-fixture-gaps.txt` already lists: a rule folded from several ids
    covers languages other files own, and their gaps are tracked there."""
    text = (PurePosixPath(__file__).parent / "rules-fixture-gaps.txt").as_posix()
    with open(text, encoding="utf-8") as handle:
        rows = [line.split() for line in handle if line.strip() and not line.startswith("#")]
    return {(r[0], r[1], r[2]) for r in rows if len(r) == 3}


def test_every_rule_covers_each_of_its_languages_with_both_kinds_of_fixture() -> None:
    gaps = _gaps()
    for rid in MINE:
        (rule,) = catalog_rules(rid)
        positive, negative = fixture_cases(rid)
        for cases in (positive, negative):
            languages = {language_of(c.path) for c in cases}
            missing = set(rule.languages) - languages
            # A negative fixture per language is not needed where one shared text form
            # (JS/TS, Java/Kotlin) already proves the safe form.
            if cases is negative:
                missing -= {"typescript", "kotlin"}
            kind = "positive" if cases is positive else "negative"
            missing = {lang for lang in missing if (rid, lang, kind) not in gaps}
            assert not missing, (rid, missing)


@pytest.mark.parametrize(("rule", "case"), _positives(), ids=lambda v: str(v)[:50])
def test_added_lines_in_a_diff_are_reported(rule: str, case: RuleCase) -> None:
    """The diff shows the whole file (wide context) but the content is not known: the rules
    work from the diff's lines alone."""
    old = _without(case.code, case.lines)
    found = review_change(case.path, old, case.code, rule, context=100)
    assert sorted(f.line for f in found) == sorted(case.lines)
    assert all(f.body and f.title for f in found)


@pytest.mark.parametrize(("rule", "case"), _positives(), ids=lambda v: str(v)[:50])
def test_bad_lines_already_there_are_not_reported(rule: str, case: RuleCase) -> None:
    comment = _COMMENT.get(PurePosixPath(case.path).suffix, "// end")
    new = case.code + comment + "\n"
    assert review_change(case.path, case.code, new, rule) == []


def test_django_debug_suggestion_turns_it_off_and_parses() -> None:
    code = 'import os\nDEBUG = True  # for now\nALLOWED_HOSTS = ["*"]\n'
    [finding] = review_new("mysite/settings.py", code, "debug-errors-shown")
    assert finding.line == 2
    assert finding.suggestion == "DEBUG = False  # for now"
    ast.parse(code.replace("DEBUG = True  # for now", finding.suggestion))


def test_jinja_suggestion_keeps_the_call_and_enables_escaping() -> None:
    code = "from jinja2 import Environment\nenv = Environment(loader=L, autoescape=False)\n"
    [finding] = review_new("app/render.py", code, "jinja-autoescape-disabled")
    assert finding.suggestion == "env = Environment(loader=L, autoescape=True)"


def test_django_debug_only_in_production_settings() -> None:
    assert is_production_settings("mysite/settings.py")
    assert is_production_settings("mysite/settings/prod.py")
    assert not is_production_settings("mysite/settings/local.py")
    assert not is_production_settings("mysite/settings/test_settings.py")
    assert not is_production_settings("tests/settings.py")
    assert not is_production_settings("app/config.py")


def test_password_names() -> None:
    assert names_password("password") and names_password("newPassword")
    assert names_password("user_pwd") and names_password("raw_passwd")
    assert not names_password("password_reset_token")
    assert not names_password("passenger") and not names_password("bypass")


def test_public_endpoints_are_recognised() -> None:
    assert is_public("/auth/sign-up") and is_public("healthCheck") and is_public("LoginView")
    assert is_public("/")
    assert not is_public("/users/{id}/export") and not is_public("deleteUser")


def test_new_route_among_guarded_siblings_in_a_diff() -> None:
    old = (
        "router.get('/users', requireAuth, listUsers);\n"
        "router.get('/users/:id', requireAuth, getUser);\n"
    )
    new = old + "router.delete('/users/:id', deleteUser);\n"
    path = "server/routes/users.js"
    found = review_change(path, old, new, "route-missing-auth-guard")
    assert [f.line for f in found] == [3]
    # Whether a route is public on purpose is not in the code: summary, not inline.
    assert [f.severity for f in found] == [Severity.INFO]
    guarded = old + "router.delete('/users/:id', requireAuth, deleteUser);\n"
    assert review_change(path, old, guarded, "route-missing-auth-guard") == []


def test_siblings_out_of_the_diff_view_are_not_guessed() -> None:
    """With only the diff, routes outside the hunks are unknown; with the file's content
    (fetched from GitHub or `--git`) they count."""
    routes = "".join(f"router.get('/r{i}', requireAuth, h{i});\n" for i in range(6))
    old = routes + "\n" * 10
    new = routes + "\n" * 10 + "router.post('/orders', create);\n"
    path = "server/routes/orders.js"
    assert review_change(path, old, new, "route-missing-auth-guard") == []
    body = "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}", f"b/{path}")
    )
    [file] = parse_diff(f"diff --git a/{path} b/{path}\n{body}")
    known = file.model_copy(update={"content": new})
    run = run_rules(selected([known]), only=["route-missing-auth-guard"])
    assert [f.line for f in run.findings] == [17]


def test_one_guarded_sibling_is_not_enough() -> None:
    code = (
        "router.get('/users', requireAuth, listUsers);\nrouter.delete('/users/:id', deleteUser);\n"
    )
    assert review_new("server/routes/users.js", code, "route-missing-auth-guard") == []


def test_ssrf_through_a_variable_only_when_it_holds_request_data() -> None:
    code = (
        "import requests\n\n"
        "def hook(request):\n"
        "    url = settings.HOOK_URL\n"
        "    requests.post(url, timeout=5)\n"
        "    url = request.POST['url']\n"
        "    requests.post(url, timeout=5)\n"
    )
    assert [f.line for f in review_new("app/views.py", code, "ssrf")] == [7]


def test_escaped_request_data_is_not_xss() -> None:
    code = (
        "from django.utils.html import escape\n\n"
        "def greet(request):\n"
        "    return HttpResponse('<h1>' + escape(request.GET['name']) + '</h1>')\n"
        "def echo(request):\n"
        "    return HttpResponse(request.GET['name'], content_type='text/plain')\n"
    )
    assert review_new("app/views.py", code, "reflected-xss") == []


def test_test_files_are_not_reviewed_by_these_rules() -> None:
    code = "def view(request):\n    return HttpResponse(mark_safe(request.GET['x']))\n"
    assert [f.line for f in review_new("app/views.py", code, "reflected-xss")] == [2]
    assert review_new("app/tests/test_views.py", code, "reflected-xss") == []


def test_suppression_comment_silences_an_intentionally_public_view() -> None:
    code = (
        "class ExportView(APIView):\n"
        "    # bastion: ignore[route-missing-auth-guard] public export by design\n"
        "    permission_classes = [AllowAny]\n"
    )
    assert review_new("app/api/views.py", code, "route-missing-auth-guard") == []


def test_odd_input_does_not_raise() -> None:
    for path, code in [
        ("app/views.py", "def f(:\n  requests.get(request.GET['u']\n"),
        ("server/routes/x.js", "res.send(`${req.query.x"),
        ("src/main/java/A.java", '@GetMapping("/a" @PreAuthorize(\n'),
        ("public/x.php", "<?php echo $_GET["),
        ("app/controllers/x_controller.rb", "open params[:u"),
    ]:
        for rule in MINE:
            review_new(path, code, rule)


def test_ruby_permit_all_is_inline_only_when_a_model_write_outside_admin_receives_it() -> None:
    """`permit!` whose result no model write receives, or that feeds an admin settings
    form, is noted in the summary; a write from a public controller stays inline."""
    from pathlib import Path

    from bot.models import Severity

    def severities(path: str, name: str) -> list[Severity]:
        code = (Path(__file__).parent / "rules/mass-assignment" / name).read_text()
        body = code.split("\n", 1)[1]
        return [f.severity for f in review_new(path, body, "mass-assignment")]

    public = severities("app/controllers/projects_controller.rb", "ruby-2.rb")
    assert len(public) == 4 and Severity.INFO not in public
    summary = severities("app/controllers/admin/settings_controller.rb", "ruby-3.rb")
    assert summary == [Severity.INFO, Severity.INFO]


def test_ruby_constantize_under_a_fixed_namespace_in_an_admin_controller_is_summary() -> None:
    from pathlib import Path

    from bot.models import Severity

    code = (Path(__file__).parent / "rules/code-injection/ruby-2.rb").read_text()
    path, body = code.split("\n", 1)
    findings = review_new(path.split(": ", 1)[1], body, "code-injection")
    assert [f.severity for f in sorted(findings, key=lambda f: f.line)] == [
        Severity.INFO,
        Severity.HIGH,
    ]
    # The same lookup outside an admin controller stays inline.
    public = review_new("app/controllers/widgets_controller.rb", body, "code-injection")
    assert Severity.INFO not in [f.severity for f in public]


def test_tls_skip_verify_behind_an_opt_in_setting_goes_to_the_summary() -> None:
    """`InsecureSkipVerify: true` inside `if c.SkipVerify {` (an operator's setting for a
    self-signed host) is an info finding; the same literal with no such `if` stays high."""
    from bot.diff import added_file
    from bot.models import Severity
    from bot.pipeline import review_files

    code = """package forge

import (
\t"crypto/tls"
\t"net/http"
)

func (c *Client) transport() *http.Transport {
\tt := &http.Transport{Proxy: http.ProxyFromEnvironment}
\tif c.SkipVerify {
\t\tciphers := []uint16{}
\t\tfor _, s := range tls.CipherSuites() {
\t\t\tciphers = append(ciphers, s.ID)
\t\t}
\t\tt.TLSClientConfig = &tls.Config{
\t\t\tCipherSuites:       ciphers,
\t\t\tInsecureSkipVerify: true,
\t\t}
\t}
\treturn t
}

func hookClient() *http.Client {
\treturn &http.Client{Transport: &http.Transport{
\t\tTLSClientConfig: &tls.Config{InsecureSkipVerify: true},
\t}}
}
"""
    found = review_files([added_file("internal/forge/client.go", code)]).findings
    tls = {f.line: f.severity for f in found if f.rule == "tls-verification-disabled"}
    assert tls == {17: Severity.INFO, 25: Severity.HIGH}
