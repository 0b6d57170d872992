"""Crafted inputs in a pull request: each is answered with one note or skip reason that
names the file and the problem, and the rest of the review is intact (the other file's
finding is still there). The timeouts are hang guards; no test asserts a duration."""

from __future__ import annotations

import pytest

from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, ReviewResult
from bot.pipeline import review_diff, review_files
from bot.select import MAX_NESTING_DEPTH

HANG_GUARD = pytest.mark.timeout(120)

# The other file of every change: a SQL injection that must still be reported.
ORDERS_PATH = "app/api/orders.py"
ORDERS = """from flask import request
import db


def search():
    name = request.args["name"]
    cur = db.cursor()
    cur.execute(f"SELECT * FROM orders WHERE name = '{name}'")
    return cur.fetchall()
"""
ORDERS_DIFF = (
    f"diff --git a/{ORDERS_PATH} b/{ORDERS_PATH}\nnew file mode 100644\n--- /dev/null\n"
    f"+++ b/{ORDERS_PATH}\n@@ -0,0 +1,9 @@\n" + "".join(f"+{ln}\n" for ln in ORDERS.splitlines())
)


def _with_orders(*files: ChangedFile) -> ReviewResult:
    return review_files([*files, added_file(ORDERS_PATH, ORDERS)])


def _orders_intact(result: ReviewResult) -> None:
    assert "sql-injection" in {f.rule for f in result.findings if f.path == ORDERS_PATH}


def _nested(open_: str, close: str, depth: int, inner: str = "1") -> str:
    # One bracket a line: every line is short, so only the nesting gives it away.
    return f"{open_}\n" * depth + inner + "\n" + f"{close}\n" * depth


DEEP = 20_000
NESTED = [
    (
        "proto/billing.proto",
        'syntax = "proto3";\n' + _nested("message M {", "}", DEEP, "int32 a = 1;"),
    ),
    ("db/migrations/V9__report.sql", "SELECT " + _nested("(", ")", DEEP) + ";\n"),
    ("api/openapi.json", '{"openapi": "3.0.0", "paths": ' + _nested('{"a":', "}", DEEP) + "}\n"),
    ("api/openapi.yaml", "openapi: 3.0.0\npaths:\n  x: " + _nested("[", "]", DEEP, "") + "\n"),
    (
        "schema/schema.graphql",
        "type Query {\n  a(x: " + _nested("[", "]", DEEP, "Int") + "): Int\n}\n",
    ),
    ("app/api/deep.py", "import db\nX = " + _nested("[", "]", DEEP, "")),
    (
        "server/api.js",
        "const express = require('express')\nconst x = " + _nested("[", "]", DEEP, ""),
    ),
    ("internal/api/h.go", "package api\n\nvar x = " + _nested("(", ")", DEEP)),
]


@HANG_GUARD
@pytest.mark.parametrize(("path", "text"), NESTED, ids=[p for p, _ in NESTED])
def test_brackets_nested_past_the_limit_skip_the_file_and_say_why(path: str, text: str) -> None:
    result = _with_orders(added_file(path, text))
    _orders_intact(result)
    (skipped,) = result.skipped
    assert skipped.path == path
    assert skipped.reason.startswith("nested too deeply to review (brackets 20,00")
    assert skipped.reason.endswith(f"levels deep; the limit is {MAX_NESTING_DEPTH:,})")
    assert not result.stats.rule_errors


def test_nesting_at_the_limit_is_reviewed() -> None:
    text = "import db\nX = " + _nested("[", "]", MAX_NESTING_DEPTH, "")
    result = _with_orders(added_file("app/api/deep.py", text))
    _orders_intact(result)
    assert not result.skipped


@HANG_GUARD
def test_a_hunk_claiming_line_one_billion_skips_its_file_and_nothing_else() -> None:
    path = "app/api/views.py"
    far = (
        f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n"
        "@@ -1000000000,1 +1000000000,2 @@\n x = 1\n+y = 2\n"
    )
    result = review_diff(ORDERS_DIFF + far)
    _orders_intact(result)
    (skipped,) = result.skipped
    assert (skipped.path, skipped.reason) == (
        path,
        "too large to review (the diff shows line 1,000,000,001; the limit is 1,000,000)",
    )
    # A hunk deep in a file, within the limit, is still reviewed.
    near = far.replace("1000000000", "60000")
    assert not review_diff(ORDERS_DIFF + near).skipped


@HANG_GUARD
def test_an_expression_too_deep_for_pythons_parser_costs_no_check_of_the_other_file() -> None:
    # No bracket past the first: `not` fifty thousand times. CPython's parser answers
    # MemoryError; the checks that parse Python take it as a file they cannot parse.
    chain = added_file("app/api/chain.py", "import db\nq = (" + "not\n" * 50_000 + "x)\n")
    result = _with_orders(chain)
    _orders_intact(result)
    assert not [e for e in result.stats.rule_errors if "taint" in e.rule], result.stats.rule_errors


def test_a_lone_cr_with_header_text_in_one_file_loses_no_other_file() -> None:
    path = "app/fixtures.py"
    crafted = (
        f"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n"
        "@@ -0,0 +1,1 @@\n+SAMPLE = 'line one\r--- a/evil.py'\n"
    )
    files = parse_diff(crafted + ORDERS_DIFF)
    assert [f.path for f in files] == [path, ORDERS_PATH]
    _orders_intact(review_diff(crafted + ORDERS_DIFF))


@HANG_GUARD
def test_an_ai_finding_claiming_a_trillion_lines_is_anchored_within_the_file() -> None:
    from bot.agent.review import _outside_diff
    from bot.agent.schema import ModelFinding
    from bot.anchor import anchor
    from bot.models import Category, Finding, Severity, Source

    file = added_file(ORDERS_PATH, ORDERS)
    # The model's word on where the problem is (a prompt in the PR may steer it).
    item = ModelFinding.model_validate(
        {
            "path": ORDERS_PATH,
            "line": 8,
            "end_line": 10**12,
            "quote": "cur.execute(",
            "category": "security",
            "severity": "high",
            "title": "SQL built from input",
            "body": "The name reaches the query.",
            "confidence": 0.9,
        }
    )
    assert _outside_diff(item, file) == (8, 9)
    claimed = Finding(
        path=ORDERS_PATH,
        line=8,
        end_line=10**12,
        category=Category.SECURITY,
        severity=Severity.HIGH,
        rule="llm-security",
        title=item.title,
        body=item.body,
        source=Source.LLM,
    )
    placed = anchor(claimed, file)
    assert (placed.line, placed.end_line, placed.inline) == (8, 9, True)


def _lambdas(depth: int) -> str:
    """A Ktor route with `depth` nested lambdas around a file call on a route parameter."""
    opens = "".join(f"run{i} {{ x{i} ->\n" for i in range(depth))
    return (
        "package a\n\nimport io.ktor.server.routing.*\nimport java.io.File\n\n"
        'fun Route.r() {\n    get("/x") {\n        val v = call.parameters["v"]\n'
        + opens
        + "File(v).delete()\n"
        + "}\n" * depth
        + "    }\n}\n"
    )


def _callbacks(depth: int) -> str:
    """An Express handler with `depth` nested `forEach` callbacks around `exec`."""
    return (
        "const express = require('express');\nconst { exec } = require('child_process');\n"
        "const app = express();\napp.post('/run', (req, res) => {\n"
        + "".join(f"req.body.a{i}.forEach((x{i}) => {{\n" for i in range(depth))
        + "exec(req.body.cmd);\n"
        + "});\n" * depth
        + "});\n"
    )


def _promises(depth: int) -> str:
    """An Express handler with `depth` nested `new Promise` executors around `exec`."""
    return (
        "const express = require('express');\nconst { exec } = require('child_process');\n"
        "const app = express();\napp.post('/run', (req, res) => {\n"
        + "".join(f"return new Promise((ok{i}, fail{i}) => {{\n" for i in range(depth))
        + "exec(req.body.cmd);\n"
        + "});\n" * depth
        + "});\n"
    )


def _matches(depth: int) -> str:
    """A Play action with `depth` nested `match` expressions around a file read."""
    return (
        "package controllers\n\nimport java.io.File\nimport play.api.mvc._\n\n"
        "class C(cc: ControllerComponents) extends AbstractController(cc) {\n"
        '  def f = Action { request =>\n    val v = request.getQueryString("v").get\n'
        + "".join(f"    v{i} match {{\n      case Some(x{i}) =>\n" for i in range(depth))
        + "        Ok.sendFile(new File(v))\n"
        + "      case None => NotFound\n    }\n" * depth
        + "  }\n}\n"
    )


@HANG_GUARD
@pytest.mark.parametrize(
    ("path", "text", "rule"),
    [
        ("src/main/kotlin/a/Routes.kt", _lambdas(240), "path-traversal"),
        ("server/run.js", _callbacks(120), "command-injection"),
        ("server/wait.js", _promises(60), "command-injection"),
        ("app/controllers/C.scala", _matches(60), "path-traversal"),
    ],
    ids=["kotlin-lambdas", "js-callbacks", "js-promises", "scala-matches"],
)
def test_lambdas_nested_hundreds_deep_are_reviewed_without_a_rule_error(
    path: str, text: str, rule: str
) -> None:
    """Lambda bodies are part of their statement's flow only a few levels down: deeper ones
    are walked as closures of their own, so a generated file nested hundreds deep neither
    exhausts the interpreter's recursion nor doubles the work per level, and the flow from
    the route parameter is still found."""
    result = _with_orders(added_file(path, text))
    _orders_intact(result)
    assert not result.stats.rule_errors, result.stats.rule_errors
    assert any(f.rule == rule and f.path == path for f in result.findings)


@HANG_GUARD
def test_a_file_of_thousands_of_stack_traces_is_reviewed() -> None:
    """Each trace looks at its own line and the few before it, never the whole file again."""
    rows = "".join(
        f"app.get('/e{i}', (req, res) => res.status(500).json({{ stack: err{i}.stack }}));\n"
        for i in range(3000)
    )
    path = "server/errors.js"
    result = _with_orders(added_file(path, "const express = require('express');\n" + rows))
    _orders_intact(result)
    assert not result.stats.rule_errors, result.stats.rule_errors
    assert any(f.rule == "stack-trace-in-response" and f.path == path for f in result.findings)


def _many(header: str, row: str, count: int) -> str:
    return header + "".join(row.format(i=i) for i in range(count))


@HANG_GUARD
@pytest.mark.parametrize(
    ("path", "text", "rule"),
    [
        (
            "server/cors.js",
            _many(
                "module.exports = (req, res) => {\n",
                "  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);"
                " res.setHeader('Access-Control-Allow-Credentials', 'true'); // {i}\n",
                3000,
            )
            + "};\n",
            "cors-any-origin-with-credentials",
        ),
        (
            "src/main/java/a/Seal.java",
            _many(
                "package a;\nimport javax.crypto.spec.IvParameterSpec;\nclass Seal {\n"
                "  private static final byte[] zeroIv = new byte[16];\n  void f() {\n",
                "    Object p{i} = new IvParameterSpec(zeroIv);\n",
                3000,
            )
            + "  }\n}\n",
            "static-iv",
        ),
        (
            "app/Http/Tokens.php",
            _many(
                "<?php\nfunction claims($token) {\n  $parts = explode('.', $token);\n"
                "  $payload = $parts[1];\n",
                "  $c{i} = json_decode(base64_decode($payload), true);\n",
                3000,
            )
            + "}\n",
            "jwt-verification-disabled",
        ),
        (
            "app/accounts/passwords.py",
            _many(
                "import hashlib\n\ndef hash_all(password):\n    salt = 'accounts-v1'\n",
                "    d{i} = hashlib.pbkdf2_hmac('sha256', password.encode(), salt.encode(), 9)\n",
                3000,
            ),
            "static-salt",
        ),
        (
            "public/feed.php",
            _many(
                "<?php\nfunction cors() {\n  $origin = $_SERVER['HTTP_ORIGIN'] ?? '';\n",
                "  header('Access-Control-Allow-Origin: ' . $origin);"
                " header('Access-Control-Allow-Credentials: true'); // {i}\n",
                3000,
            )
            + "}\n",
            "cors-any-origin-with-credentials",
        ),
        (
            "src/main/scala/ops/Tools.scala",
            _many(
                "package ops\nimport org.scalatra._\nimport scala.sys.process._\n"
                "class Tools extends ScalatraServlet {\n",
                '  get("/t{i}") {{ Seq("sh", "-c", params.getOrElse("c", "")).!! }}\n',
                3000,
            )
            + "}\n",
            "command-injection",
        ),
    ],
    ids=[
        "cors-reflected-origin",
        "named-static-iv",
        "php-claims-variable",
        "local-salt",
        "php-cors-header-line",
        "scalatra-routes",
    ],
)
def test_a_file_of_thousands_of_matches_of_one_check_is_reviewed(
    path: str, text: str, rule: str
) -> None:
    """Whole-file facts (a declaration, a split, the lines around a header) are looked up
    once per file, not once per match: thousands of matches stay linear."""
    result = _with_orders(added_file(path, text))
    _orders_intact(result)
    assert not result.stats.rule_errors, result.stats.rule_errors
    assert any(f.rule == rule and f.path == path for f in result.findings)
