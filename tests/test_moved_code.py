"""Code a change only moves (cut from one file or place, pasted into another) is old code:
its security findings go to the summary, unless the change wrote a line the finding
rests on (`bot.rules.lib.moved`)."""

from __future__ import annotations

from bot.config import RepoConfig
from bot.diff import parse_diff
from bot.models import Category, Finding, Severity
from bot.pipeline import review_files
from bot.rules.lib.moved import moved_lines, removed_keys
from tests.rule_helpers import unified_diff

_ROUTES = """

@bp.route("/go")
def go():
    target = request.args.get("next")
    return redirect(target)


@bp.route("/status")
def status():
    r = requests.get("https://internal.example.com/status", verify=False, timeout=5)
    return r.text
"""

_HEAD = (
    "import requests\nfrom flask import Blueprint, redirect, request\n\n"
    'bp = Blueprint("b", __name__)\n'
)


def _deleted(path: str, text: str) -> str:
    rows = text.splitlines()
    body = "".join(f"-{row}\n" for row in rows)
    return (
        f"diff --git a/{path} b/{path}\ndeleted file mode 100644\n--- a/{path}\n+++ /dev/null\n"
        f"@@ -1,{len(rows)} +0,0 @@\n{body}"
    )


def _review(diff: str) -> list[Finding]:
    files = parse_diff(diff)
    result = review_files(files, RepoConfig(), categories=[Category.SECURITY])
    return sorted(result.findings, key=lambda f: f.line)


def _line(text: str, needle: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if needle in row)


def test_routes_moved_into_another_file_go_to_the_summary() -> None:
    base_b = _HEAD + '\n\n@bp.route("/health")\ndef health():\n    return "ok"\n'
    head_b = base_b + _ROUTES
    diff = _deleted("app/old_views.py", _HEAD + _ROUTES) + unified_diff("app/b.py", base_b, head_b)
    got = {(f.rule, f.line): f for f in _review(diff)}
    redirect_at, tls_at = _line(head_b, "redirect(target)"), _line(head_b, "verify=False")
    assert got[("open-redirect", redirect_at)].severity is Severity.INFO
    assert got[("tls-verification-disabled", tls_at)].severity is Severity.INFO
    assert "moves this code" in got[("open-redirect", redirect_at)].body


def test_a_moved_sink_fed_by_a_new_source_stays_inline() -> None:
    base_b = _HEAD
    # The sink line moved verbatim, but the change wrote where `target` comes from.
    routes = _ROUTES.replace('request.args.get("next")', 'request.form["to"]')
    head_b = base_b + routes
    diff = _deleted("app/old_views.py", _HEAD + _ROUTES) + unified_diff("app/b.py", base_b, head_b)
    got = {(f.rule, f.line): f.severity for f in _review(diff)}
    assert got[("open-redirect", _line(head_b, "redirect(target)"))] is not Severity.INFO
    assert got[("tls-verification-disabled", _line(head_b, "verify=False"))] is Severity.INFO


def test_the_same_code_added_without_removing_it_stays_inline() -> None:
    head_b = _HEAD + _ROUTES
    got = {f.rule: f.severity for f in _review(unified_diff("app/b.py", _HEAD, head_b))}
    assert got["open-redirect"] is Severity.MEDIUM
    assert got["tls-verification-disabled"] is Severity.HIGH


def test_a_block_moved_down_the_same_file_is_old_code() -> None:
    # Longer than the routes, so the diff shows the routes as the lines that moved.
    first = "".join(f'\n\n@bp.route("/{n}")\ndef page_{n}():\n    return "{n}"\n' for n in range(6))
    base = _HEAD + _ROUTES + first
    head = _HEAD + first + _ROUTES
    got = {f.rule: f.severity for f in _review(unified_diff("app/b.py", base, head))}
    assert got == {
        "open-redirect": Severity.INFO,
        "tls-verification-disabled": Severity.INFO,
    }


def test_short_common_lines_do_not_count_as_moved() -> None:
    gone = "    return x\n}\nend\nreturn redirect(url)\n"
    keys = removed_keys(parse_diff(_deleted("a.py", gone)))
    assert keys == frozenset({"returnredirect(url)"})
    (head,) = parse_diff(unified_diff("b.py", "", "    return x\nreturn  redirect(url)\n"))
    assert moved_lines(head, keys) == frozenset({2})
    assert moved_lines(head) == frozenset()  # outside a review, nothing was removed
