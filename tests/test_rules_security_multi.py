"""Security rules for Go, Java/Kotlin, Ruby, PHP and JS/TS: whole new files, real diffs where
the bad line is old context (not reported) or added (reported), and safe forms."""

from __future__ import annotations

import pytest
import rule_helpers as helpers
from rule_helpers import flagged, review_change

from bot.rules.engine import registry


def review_new(path: str, code: str, rule: str) -> list[int]:
    return flagged(helpers.review_new(path, code, rule))


# (rule, path, a line that must be flagged, a safe replacement for it)
CASES = [
    (
        "sql-injection",
        "internal/store/users.go",
        '\trows, _ := db.Query("SELECT * FROM users WHERE id = " + c.Param("id"))',
        '\trows, _ := db.Query("SELECT * FROM users WHERE id = $1", c.Param("id"))',
    ),
    (
        "sql-injection",
        "internal/store/orders.go",
        '\tdb.Raw(fmt.Sprintf("SELECT * FROM orders WHERE status = \'%s\'", c.Query("s"))).Scan(&o)',  # noqa: E501
        '\tdb.Raw("SELECT * FROM orders WHERE status = ?", c.Query("s")).Scan(&o)',
    ),
    (
        "sql-injection",
        "src/main/java/com/acme/Dao.java",
        '    stmt.executeQuery("SELECT * FROM users WHERE id = " + req.getParameter("id"));',
        '    stmt.executeQuery("SELECT * FROM users WHERE id = " + ID_COLUMN);',
    ),
    (
        "sql-injection",
        "src/main/kotlin/com/acme/Dao.kt",
        '    val rows = jdbc.queryForList("SELECT * FROM users WHERE name = \'${call.parameters["n"]}\'")',  # noqa: E501
        '    val rows = jdbc.queryForList("SELECT * FROM users WHERE name = ?", call.parameters["n"])',  # noqa: E501
    ),
    (
        "sql-injection",
        "app/models/user.rb",
        "    where(\"email = '#{params[:email]}'\")",
        '    where("email = ?", params[:email])',
    ),
    (
        "sql-injection",
        "app/Models/User.php",
        '    $r = DB::select("SELECT * FROM users WHERE id = " . $request->input("id"));',
        "    $r = DB::select('SELECT * FROM users WHERE id = ?', [$request->input('id')]);",
    ),
    (
        "tls-verification-disabled",
        "internal/client/c.go",
        "\tcfg := &tls.Config{InsecureSkipVerify: true}",
        "\tcfg := &tls.Config{RootCAs: pool}",
    ),
    (
        "tls-verification-disabled",
        "server/client.ts",
        "  const agent = new https.Agent({ rejectUnauthorized: false });",
        "  const agent = new https.Agent({ ca });",
    ),
    (
        "tls-verification-disabled",
        "app/services/client.rb",
        "    http.verify_mode = OpenSSL::SSL::VERIFY_NONE",
        "    http.verify_mode = OpenSSL::SSL::VERIFY_PEER",
    ),
    (
        "tls-verification-disabled",
        "app/Services/Client.php",
        "    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);",
        "    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);",
    ),
    (
        "tls-verification-disabled",
        "src/main/java/com/acme/Tls.java",
        "    conn.setHostnameVerifier((h, s) -> true);",
        "    conn.setHostnameVerifier(verifier);",
    ),
    (
        "command-injection",
        "internal/run/run.go",
        '\texec.Command("bash", "-c", "tar xf "+c.Query("f")).Run()',
        '\texec.Command("tar", "xf", "/srv/in.tar").Run()',
    ),
    (
        "command-injection",
        "server/run.js",
        "  require('child_process').execSync('tar xf ' + req.query.name);",
        "  require('child_process').execFileSync('tar', ['xf', req.query.name]);",
    ),
    (
        "command-injection",
        "src/main/java/com/acme/Run.java",
        '    Runtime.getRuntime().exec("tar xf " + req.getParameter("name"));',
        '    Runtime.getRuntime().exec("tar xf " + ARCHIVE);',
    ),
    (
        "command-injection",
        "app/services/run.rb",
        '    system("tar xf #{params[:f]}")',
        '    system("tar", "xf", File.basename(params[:f]))',
    ),
    (
        "command-injection",
        "app/Services/Run.php",
        '    exec("tar xf " . $_GET["f"]);',
        "    exec('tar xf ' . escapeshellarg($_GET['f']));",
    ),
    (
        "unsafe-deserialization",
        "app/services/cache.rb",
        "    Marshal.load(params[:state])",
        "    JSON.parse(params[:state])",
    ),
    (
        "unsafe-deserialization",
        "app/Services/Cache.php",
        "    $v = unserialize($_COOKIE['state']);",
        "    $v = json_decode($_COOKIE['state'], true);",
    ),
    (
        "eval-injection",
        "server/calc.js",
        "  const r = eval(req.query.e);",
        "  const r = JSON.parse(req.query.e);",
    ),
    (
        "eval-injection",
        "app/Support/Calc.php",
        "    $r = eval($code);",
        "    $r = json_decode($code);",
    ),
    (
        "jwt-verification-disabled",
        "internal/auth/jwt.go",
        "\tm := jwt.SigningMethodNone",
        "\tm := jwt.SigningMethodHS256",
    ),
    (
        "cors-any-origin-with-credentials",
        "server/app.js",
        "  app.use(cors({ origin: '*', credentials: true }));",
        "  app.use(cors({ origin: ['https://a.example.com'], credentials: true }));",
    ),
    (
        "cors-any-origin-with-credentials",
        "cmd/api/cors.go",
        '\tc := cors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}',
        '\tc := cors.Options{AllowedOrigins: []string{"https://a.example.com"}, AllowCredentials: true}',  # noqa: E501
    ),
    (
        "mass-assignment",
        "app/controllers/users_controller.rb",
        "    User.create(params.permit!)",
        "    User.create(params.permit(:name))",
    ),
    (
        "mass-assignment",
        "server/routes/users.js",
        "  await User.findByIdAndUpdate(id, req.body);",
        "  await User.findByIdAndUpdate(id, { name: req.body.name });",
    ),
    (
        "mass-assignment",
        "app/Http/Controllers/UserController.php",
        "    $user->update($request->all());",
        "    $user->update($request->validated());",
    ),
    (
        "go-http-no-timeout",
        "internal/client/fetch.go",
        "\tresp, err := http.Get(url)",
        "\tresp, err := client.Get(url)",
    ),
]

HEADS = {
    "go": "package x\n\nfunc f(c *gin.Context) {\n",
    "java": "class X {\n  void f() throws Exception {\n",
    "kt": "class X {\n  fun f() {\n",
    "rb": "class X\n  def f\n",
    "php": "<?php\nfunction f($request) {\n",
    "js": "const express = require('express');\nasync function f(req) {\n",
    "ts": "import express from 'express';\nasync function f(req: any) {\n",
}
TAILS = {"go": "}\n", "java": "  }\n}\n", "kt": "  }\n}\n", "rb": "  end\nend\n"}


def _file(path: str, body: str) -> str:
    ext = path.rsplit(".", 1)[-1]
    head = HEADS[ext]
    tail = TAILS.get(ext, "}\n")
    return (
        f"{head}  // padding\n{body}\n{tail}"
        if ext not in {"rb", "go"}
        else (
            f"{head}\tx := 1\n{body}\n{tail}" if ext == "go" else f"{head}    x = 1\n{body}\n{tail}"
        )
    )


def _bad_line(path: str) -> int:
    return HEADS[path.rsplit(".", 1)[-1]].count("\n") + 2


@pytest.mark.parametrize(("rule", "path", "bad", "safe"), CASES, ids=lambda v: str(v)[:40])
def test_new_file_flags_the_bad_line_only(rule: str, path: str, bad: str, safe: str) -> None:
    assert review_new(path, _file(path, bad), rule) == [_bad_line(path)]
    assert review_new(path, _file(path, safe), rule) == []


@pytest.mark.parametrize(("rule", "path", "bad", "safe"), CASES, ids=lambda v: str(v)[:40])
def test_diff_reports_added_bad_line_not_old_context(
    rule: str, path: str, bad: str, safe: str
) -> None:
    old = _file(path, safe)
    added = review_change(path, old, _file(path, bad), rule)
    assert [f.line for f in added] == [_bad_line(path)]
    assert added[0].rule == registry().canonical(rule) and added[0].body
    # The bad line already there; the change only edits a neighbouring line.
    before = _file(path, bad)
    after = (
        before.replace("padding", "edited").replace("x := 1", "x := 2").replace("x = 1", "x = 2")
    )
    assert after != before
    assert review_change(path, before, after, rule) == []


def test_commented_out_code_is_not_flagged() -> None:
    code = 'package x\n\nfunc f() {\n\t// db.Query("SELECT * FROM t WHERE id = " + id)\n}\n'
    assert review_new("internal/store/t.go", code, "sql-injection") == []


# --- tightened after the noise benchmark (docs/benchmarks.md) -------------------------


def test_a_timer_callback_is_not_evaluated_but_a_timer_string_is() -> None:
    code = (
        "const express = require('express');\n"
        "setTimeout(async () => {\n"
        "  await fetch(`http://localhost:${port}/health`);\n"
        "}, 10);\n"
        "setTimeout('refresh(' + req.query.id + ')', 10);\n"
    )
    assert review_new("server/poll.js", code, "eval-injection") == [5]


def test_pattern_rules_skip_test_code_only() -> None:
    code = (
        "const express = require('express');\n"
        "const agent = new https.Agent({ rejectUnauthorized: false });\n"
    )
    assert review_new("test/https.test.js", code, "tls-verification-disabled") == []
    assert review_new("server/client.js", code, "tls-verification-disabled") == [2]


def test_a_forwarded_statement_is_not_built_but_a_spliced_one_is() -> None:
    code = (
        "const { Pool } = require('pg');\n"
        "async function run(pool, statement, table) {\n"
        "  await pool.query(`${statement};`);\n"
        "  await pool.query(`${statement} WHERE id = ${table}`);\n"
        "}\n"
        "app.get('/x', async (req, res) => {\n"
        "  await run(pool, 'SELECT 1 FROM t', 'users');\n"
        "  await pool.query(`${STATEMENT} WHERE id = ${req.query.id}`);\n"
        "});\n"
    )
    # A helper's parameters are not request input; the handler's splice is.
    assert review_new("src/db/run.js", code, "sql-injection") == [8]
