"""A security finding on code the change only moves (a module split into a package, a
handler moved to another file) goes to the summary; the same code written anew, or moved
with a new source line feeding it, stays inline."""

from __future__ import annotations

from bot.diff import parse_diff
from bot.models import Severity
from bot.pipeline import review_files

HANDLER = [
    "from flask import request",
    "",
    "",
    '@app.route("/user")',
    "def user():",
    '    name = request.args.get("name")',
    "    query = \"SELECT * FROM users WHERE name = '%s'\" % name",
    "    return db.execute(query)",
]


def _new_file(path: str, lines: list[str]) -> str:
    body = "".join(f"+{line}\n" for line in lines)
    return (
        f"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n"
        f"@@ -0,0 +1,{len(lines)} @@\n{body}"
    )


def _deleted_file(path: str, lines: list[str]) -> str:
    body = "".join(f"-{line}\n" for line in lines)
    return (
        f"diff --git a/{path} b/{path}\ndeleted file mode 100644\n--- a/{path}\n+++ /dev/null\n"
        f"@@ -1,{len(lines)} +0,0 @@\n{body}"
    )


def _sql(diff: str) -> list[Severity]:
    findings = review_files(parse_diff(diff)).findings
    return [f.severity for f in findings if f.rule == "sql-injection"]


def test_code_moved_from_a_deleted_module_goes_to_the_summary() -> None:
    diff = _deleted_file("app/views.py", HANDLER) + _new_file("app/views/users.py", HANDLER)
    assert _sql(diff) == [Severity.INFO]


def test_the_same_code_written_anew_stays_inline() -> None:
    got = _sql(_new_file("app/views/users.py", HANDLER))
    assert got and got[0] is not Severity.INFO


def test_a_moved_sink_fed_by_a_new_source_stays_inline() -> None:
    moved = [*HANDLER]
    moved[5] = '    name = request.form["name"]'  # the source line is the change's own
    diff = _deleted_file("app/views.py", HANDLER) + _new_file("app/views/users.py", moved)
    got = _sql(diff)
    assert got and got[0] is not Severity.INFO
