"""The ruff-backed Python security rules, through the engine as the pipeline runs them."""

from __future__ import annotations

import ast
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, Finding
from bot.rules import python_ruff
from bot.rules.engine import registry, run_rules
from bot.select import select_backend

RUFF_RULES = [rule.id for rule in python_ruff.CHECKS[0].rules]


def _review(files: list[ChangedFile]) -> list[Finding]:
    kept, _ = select_backend(files)
    run = run_rules(kept, only=RUFF_RULES)
    assert run.errors == []
    return run.findings


def _lines(findings: list[Finding], rule: str, path: str | None = None) -> list[int]:
    return sorted(
        f.line
        for f in findings
        if f.rule == registry().canonical(rule) and (path is None or f.path == path)
    )


@pytest.fixture
def ruff_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Records every ruff command line while still running the real ruff."""
    calls: list[list[str]] = []
    real: Callable[..., Any] = subprocess.Popen

    def recording(command: list[str], *args: Any, **kwargs: Any) -> Any:
        calls.append(list(command))
        return real(command, *args, **kwargs)

    monkeypatch.setattr(python_ruff.subprocess, "Popen", recording)
    return calls


def test_one_ruff_run_covers_every_file(ruff_calls: list[list[str]]) -> None:
    files = [
        added_file("app/a.py", "import yaml\n\ndef load(x):\n    return yaml.load(x)\n"),
        added_file(
            "app/b.py",
            "import pickle\n\ndef load(cache, k):\n    return pickle.loads(cache.get(k))\n",
        ),
        added_file(
            "app/c.py",
            "def find(cur, request):\n"
            "    cur.execute(f\"SELECT * FROM t WHERE name = '{request.GET['n']}'\")\n",
        ),
    ]
    findings = _review(files)
    assert {(f.path, f.rule, f.line) for f in findings} == {
        ("app/a.py", "unsafe-deserialization", 4),
        ("app/b.py", "unsafe-deserialization", 4),
        ("app/c.py", "sql-injection", 2),
    }
    assert len(ruff_calls) == 1
    assert "--isolated" in ruff_calls[0]


PARTIAL_DIFF = """\
diff --git a/app/repo.py b/app/repo.py
--- a/app/repo.py
+++ b/app/repo.py
@@ -40,6 +40,9 @@ class Repo:
         if not name:
             return None
         with self.conn.cursor() as cursor:
+            name = request.args["name"]
+            cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
+            data = yaml.load(cursor.fetchone()[0])
             return cursor.fetchone()

     def other(self, url):
@@ -80,3 +83,4 @@ class Repo:
     def more(self, x):
         os.system("rm " + x)
         q = "SELECT 1"
+        requests.get(x, timeout=5, verify=False)
"""


def test_partial_diff_hunks_inside_functions_are_analysed() -> None:
    findings = _review(parse_diff(PARTIAL_DIFF))
    assert _lines(findings, "sql-injection") == [44]
    assert _lines(findings, "unsafe-deserialization") == [45]
    assert _lines(findings, "tls-verification-disabled") == [86]
    # line 84 (os.system on a context line) is a problem, but not this change's
    assert _lines(findings, "command-injection") == []


def test_partial_hunk_that_does_not_parse_is_salvaged_line_by_line() -> None:
    diff = """\
diff --git a/app/jobs.py b/app/jobs.py
--- a/app/jobs.py
+++ b/app/jobs.py
@@ -10,3 +10,5 @@ def run(
         timeout=30,
     )
     result = pickle.loads(blob)
+    config = yaml.load(raw)
+    return eval(expr
"""
    findings = _review(parse_diff(diff))
    assert _lines(findings, "unsafe-deserialization") == [13]


def test_finding_on_an_unchanged_line_is_not_reported() -> None:
    content = (
        "import yaml\n\ndef a(x):\n    return yaml.load(x)\n\ndef b(x):\n    return yaml.load(x)\n"
    )
    diff = """\
diff --git a/app/conf.py b/app/conf.py
--- a/app/conf.py
+++ b/app/conf.py
@@ -5,2 +5,3 @@ def a(x):

 def b(x):
+    return yaml.load(x)
"""
    (file,) = parse_diff(diff)
    file = file.model_copy(update={"content": content})
    findings = _review([file])
    assert _lines(findings, "unsafe-deserialization") == [7]


def test_broken_python_file_does_not_crash() -> None:
    findings = _review([added_file("app/broken.py", "def f(:\n    yaml.load(x\n")])
    assert findings == []


@pytest.mark.parametrize(
    ("line", "rule", "expected"),
    [
        ("    return yaml.load(body)", "unsafe-deserialization", "    return yaml.safe_load(body)"),
        (
            "    return yaml.load(body, Loader=yaml.FullLoader)",
            "unsafe-deserialization",
            "    return yaml.safe_load(body)",
        ),
        (
            "    return requests.get(url, timeout=5, verify=False)",
            "tls-verification-disabled",
            "    return requests.get(url, timeout=5)",
        ),
        ("    app.run(debug=True)", "py-flask-debug", "    app.run(debug=False)"),
    ],
)
def test_mechanical_fixes_are_suggested_and_parse(line: str, rule: str, expected: str) -> None:
    code = (
        "import requests\nimport yaml\nfrom flask import Flask\n\napp = Flask(__name__)\n\n"
        f"def f(body, url):\n{line}\n"
    )
    findings = [
        f for f in _review([added_file("app/x.py", code)]) if f.rule == registry().canonical(rule)
    ]
    assert len(findings) == 1
    assert findings[0].line == findings[0].end_line == 8
    assert findings[0].suggestion == expected
    ast.parse(code.replace(line, expected))


def test_no_suggestion_when_the_line_holds_two_calls() -> None:
    code = "import yaml\n\ndef f(a, b):\n    return yaml.load(a), yaml.load(b)\n"
    findings = [
        f for f in _review([added_file("app/x.py", code)]) if f.rule == "unsafe-deserialization"
    ]
    assert findings and all(f.suggestion is None for f in findings)


def test_sql_kept_in_a_variable_is_followed_to_execute() -> None:
    code = (
        "def purge(cursor, request, table):\n"
        "    ids = request.GET['ids']\n"
        '    sql = "DELETE FROM audit"\n'
        '    sql += " WHERE id IN (" + ids + ")"\n'
        "    cursor.execute(sql)\n"
        '    other = "SELECT 1"\n'
        "    cursor.execute(other)\n"
    )
    findings = _review([added_file("app/x.py", code)])
    assert _lines(findings, "sql-injection") == [5]
    body = next(f.body for f in findings if f.rule == "sql-injection")
    assert "source lines 2, 4" in body or "source lines 2" in body


# The shapes that were every security finding on 81 real commits, all false alarms.
@pytest.mark.parametrize(
    "code",
    [
        # bound values, sort order from an allow-list
        "def items(cursor, request):\n"
        "    order = 'DESC' if request.GET.get('desc') else 'ASC'\n"
        '    sql = f"SELECT * FROM items WHERE kind = ? ORDER BY id {order}"\n'
        "    return cursor.execute(sql, (request.GET['kind'],))\n",
        # a table name the code generates, no request in sight
        "def rotate(cursor, day):\n"
        '    table = f"events_{day:%Y%m%d}"\n'
        '    cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} (LIKE events)")\n',
        # a helper's parameter: not request input
        "def by_name(cursor, name):\n"
        "    cursor.execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n",
    ],
)
def test_sql_without_a_request_flow_is_not_injection(code: str) -> None:
    assert _lines(_review([added_file("app/x.py", code)]), "sql-injection") == []


def test_sql_words_in_log_messages_are_not_sql_injection() -> None:
    code = (
        "import logging\nlog = logging.getLogger(__name__)\n\n"
        "def pick(options, choice):\n"
        '    log.warning(f"select one option from {options}")\n'
        '    message = f"Please select a plan from {options}"\n'
        "    return message\n"
    )
    assert _lines(_review([added_file("app/x.py", code)]), "sql-injection") == []


def test_shell_call_on_a_constant_is_not_reported() -> None:
    code = 'import os, subprocess\n\nos.system("sync")\nsubprocess.run("ls -l", shell=True)\n'
    assert _lines(_review([added_file("app/x.py", code)]), "command-injection") == []


def test_noise_codes_are_never_requested(ruff_calls: list[list[str]]) -> None:
    _review([added_file("app/x.py", "assert True\nimport random\nrandom.random()\n")])
    selected = ruff_calls[0][ruff_calls[0].index("--select") + 1].split(",")
    assert not {"S101", "S311", "S603", "S607", "S110", "S112"} & set(selected)


# --- tightened after the noise benchmark (docs/benchmarks.md) -------------------------


def test_quoting_one_identifier_does_not_excuse_another() -> None:
    code = (
        "def count(conn, request):\n"
        "    table, column = request.GET['t'], request.GET['c']\n"
        '    sql = "SELECT %s FROM %s" % (column, conn.ops.quote_name(table))\n'
        "    with conn.cursor() as cursor:\n"
        "        cursor.execute(sql)\n"
        '        cursor.execute("SELECT 1 FROM %s" % conn.ops.quote_name(table))\n'
    )
    assert _lines(_review([added_file("app/x.py", code)]), "sql-injection") == [5]


def test_escape_hatches_with_run_time_sql_are_still_reported() -> None:
    code = (
        "from django.db.models.expressions import RawSQL\n\n"
        "def annotate(qs, request):\n"
        "    sql, term = request.GET['sql'], request.GET['term']\n"
        "    a = qs.annotate(x=RawSQL(sql, []))\n"
        "    return a.extra(where=[\"name = '%s'\" % term], params=[])\n"
    )
    assert _lines(_review([added_file("app/x.py", code)]), "sql-injection") == [5, 6]


def test_unpickling_other_bytes_is_still_reported() -> None:
    code = (
        "import pickle\n\n"
        "def restore(request, obj):\n"
        "    data = pickle.dumps(obj)\n"
        "    data = request.body\n"
        "    return pickle.loads(data)\n"
    )
    assert _lines(_review([added_file("app/x.py", code)]), "unsafe-deserialization") == [6]


@pytest.mark.parametrize(
    "path",
    [
        "tests/test_views.py",
        "app/tests.py",
        "pkg/testing/fixtures.py",
        "test_app.py",
        "conftest.py",
    ],
)
def test_test_code_is_not_reviewed_for_injection(path: str) -> None:
    code = "import os\n\ndef test_it(cursor, request):\n    os.system('rm ' + request.GET['n'])\n"
    assert _review([added_file(path, code)]) == []


def test_the_same_code_outside_tests_is_reviewed() -> None:
    code = "import os\n\ndef run(cursor, request):\n    os.system('rm ' + request.GET['n'])\n"
    assert _lines(_review([added_file("app/latest.py", code)]), "command-injection") == [4]


def test_a_variable_is_judged_by_its_nearest_assignment() -> None:
    code = (
        "def purge(conn, request, table):\n"
        "    name = conn.ops.quote_name(table)\n"
        '    conn.cursor().execute(f"DELETE FROM {name}")\n'
        '    name = request.GET["table"]\n'
        '    conn.cursor().execute(f"DELETE FROM {name}")\n'
    )
    assert _lines(_review([added_file("app/x.py", code)]), "sql-injection") == [5]


_YAML_AND_FLOW = [
    added_file("app/a.py", "import yaml\n\ndef load(x):\n    return yaml.load(x)\n"),
    added_file(
        "app/c.py",
        "def find(cur, request):\n"
        "    cur.execute(f\"SELECT * FROM t WHERE name = '{request.GET['n']}'\")\n",
    ),
]


def test_ruff_failing_while_the_flows_run_is_the_checks_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ruff runs while the flows are computed; its failure is still what the check
    raises, also when the flows fail too (as when ruff ran, and failed, first)."""
    monkeypatch.setattr(python_ruff, "ruff_binary", lambda: "false")
    check = python_ruff.RuffSecurityCheck()
    with pytest.raises(python_ruff.RuffError, match="ruff exited with 1"):
        list(check.check_files(_YAML_AND_FLOW))

    def broken(*_args: Any) -> list[Any]:
        raise RuntimeError("flow engine broke")

    monkeypatch.setattr(python_ruff, "flow_hits", broken)
    with pytest.raises(python_ruff.RuffError, match="ruff exited with 1"):
        list(check.check_files(_YAML_AND_FLOW))


def test_flows_failing_while_ruff_runs_is_the_checks_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: Any) -> list[Any]:
        raise RuntimeError("flow engine broke")

    monkeypatch.setattr(python_ruff, "flow_hits", broken)
    with pytest.raises(RuntimeError, match="flow engine broke"):
        list(python_ruff.RuffSecurityCheck().check_files(_YAML_AND_FLOW))
