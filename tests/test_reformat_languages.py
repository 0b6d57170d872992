"""A formatter pass in any language the rules read (JS/TS, Go, Java, Kotlin, Ruby, PHP,
C#, Scala, SQL, Python) is layout only — for the whole file or hunk by hunk — and a
change of a string, an operator, a name or a number is not (`bot.rules.lib.reformat`).

The pairs under `tests/fixtures/reformat/` are written in the style of each language's
formatter (gofmt, prettier, google-java-format, ktlint, rubocop, php-cs-fixer,
dotnet format, scalafmt, pgFormatter)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.diff import parse_diff
from bot.models import ChangedFile, Severity
from bot.pipeline import review_files
from bot.rules.lib.reformat import layout_only

FIXTURES = Path(__file__).parent / "fixtures" / "reformat"
PAIRS = sorted(p.name.replace(".before", "") for p in FIXTURES.glob("*.before.*"))
# Where the bot would meet each file (a migration's folder, a controller's).
WHERE = {
    "0042_orders.sql": "db/migrations/0042_orders.sql",
    "V7__invoice_indexes.sql": "src/main/resources/db/migration/V7__invoice_indexes.sql",
    "exports_controller.rb": "app/controllers/exports_controller.rb",
}


def _pair(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    before = (FIXTURES / f"{stem}.before.{ext}").read_text()
    after = (FIXTURES / f"{stem}.after.{ext}").read_text()
    return before, after


def _changed(path: str, before: str, after: str, context: int = 1) -> ChangedFile:
    body = "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{path}",
            f"b/{path}",
            n=context,
        )
    )
    (file,) = parse_diff(f"diff --git a/{path} b/{path}\n{body}")
    return file.model_copy(update={"content": after})


def _path(name: str) -> str:
    return WHERE.get(name, f"src/{name}")


def _edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _line_of(text: str, needle: str) -> int:
    (line,) = [n for n, row in enumerate(text.splitlines(), 1) if needle in row]
    return line


@pytest.mark.parametrize("name", PAIRS)
def test_formatter_pass_is_layout_only(name: str) -> None:
    before, after = _pair(name)
    assert before != after
    file = _changed(_path(name), before, after)
    layout = layout_only(file)
    assert layout.whole
    assert layout.lines == file.added_lines


# (fixture, text in the formatted file, what the edit makes of it): a string, an
# operator, a name, a number changed along with the formatting.
EDITS = [
    ("handler.go", '"ls "+name', '"ls -l "+name'),
    ("handler.go", "err != nil", "err == nil"),
    ("handler.go", "err.Error()", "err.String()"),
    ("handler.go", "err.Error(), 500)", "err.Error(), 502)"),
    ("routes.js", '"ls " + req', '"ls -a " + req'),
    ("routes.js", 'req.query.name || "world"', 'req.query.name ?? "world"'),
    ("routes.js", "res.send(stdout)", "res.json(stdout)"),
    ("routes.js", "status(500)", "status(502)"),
    ("users.service.ts", "WHERE name = '${name}'", "WHERE login = '${name}'"),
    ("users.service.ts", 'this.db.query("UPDATE', 'this.db.execute("UPDATE'),
    ("users.service.ts", "} = { audit: true },", "} = { audit: false },"),
    ("ReportController.java", "WHERE owner = '\"", "WHERE owner LIKE '\""),
    ("ReportController.java", "if (rs.next())", "if (!rs.next())"),
    ("ReportController.java", "connection.createStatement()", "connection.prepareStatement()"),
    ("ReportController.java", "rs.getInt(1)", "rs.getInt(2)"),
    ("AccountRoutes.kt", '"ok" to true', '"ok" to false'),
    ("AccountRoutes.kt", "form.email, form.plan)", "form.email, form.name)"),
    ("AccountRoutes.kt", 'mapOf("ok"', 'mapOf("okay"'),
    ("AccountRoutes.kt", "val plan: String,", "val plan: String?,"),
    ("exports_controller.rb", "'queued'", "'pending'"),
    ("exports_controller.rb", "created_at: :desc", "created_at: :asc"),
    ("exports_controller.rb", "name: e.name", "name: e.title"),
    ("exports_controller.rb", "{ id: e.id,", "{ id: e.id + 1,"),
    ("InvoiceController.php", "$request->input('q')", "$request->input('query')"),
    ("InvoiceController.php", "'count' => count($rows)", "'count' => count($rows) - 1"),
    ("InvoiceController.php", "->find($id)", "->findOrFail($id)"),
    ("OrdersController.cs", "_db = db;", "_db = null;"),
    ("OrdersController.cs", "Ok(reader.HasRows)", "Ok(!reader.HasRows)"),
    (
        "OrdersController.cs",
        "public OrdersController(SqlConnection db)",
        "public OrdersController(SqlConnection dbc)",
    ),
    ("SearchRoutes.scala", "page * size + size", "page * size - size"),
    ("SearchRoutes.scala", "size: Int)", "size: Long)"),
    ("SearchRoutes.scala", "page * size", "page * 10"),
    ("0042_orders.sql", "DEFAULT 'new'", "DEFAULT 'New'"),
    ("0042_orders.sql", "NUMERIC(12, 2)", "NUMERIC(14, 2)"),
    ("0042_orders.sql", "customer_id BIGINT", "customer BIGINT"),
    ("0042_orders.sql", "NOT NULL DEFAULT NOW()", "NULL DEFAULT NOW()"),
    ("V7__invoice_indexes.sql", "RENAME COLUMN note TO memo", "RENAME COLUMN note TO memo_text"),
]


@pytest.mark.parametrize(("name", "old", "new"), EDITS)
def test_an_edit_with_the_formatting_is_not_layout_only(name: str, old: str, new: str) -> None:
    before, after = _pair(name)
    edited = _edit(after, old, new)
    layout = layout_only(_changed(_path(name), before, edited))
    assert not layout.whole
    assert _line_of(edited, new) not in layout.lines


def _layout(path: str, before: str, after: str) -> bool:
    return layout_only(_changed(path, before, after)).whole


def test_whitespace_inside_strings_is_not_layout() -> None:
    # Template string, heredoc, raw string, text block: the whitespace is the value.
    js = "const a = 1;\nconst m = `hello ${who}`;\n"
    assert not _layout("a.js", js, js.replace("hello ${", "hello  ${"))
    rb = "x = 1\nsql = <<~SQL\n  select 1\n  from t\nSQL\n"
    assert not _layout("a.rb", rb, rb.replace("  from t", "    from t"))
    go = "package m\n\nvar a = 1\nvar b = `ok\n  ready`\n"
    assert not _layout("a.go", go, go.replace("  ready", "\tready"))
    java = 'class A {\n  String q = """\n    select 1\n    """;\n}\n'
    assert not _layout("A.java", java, java.replace("    select", "      select"))
    php = "<?php\n$a = 1;\n$q = <<<SQL\nselect 1\nSQL;\n"
    assert not _layout("a.php", php, php.replace("select 1", "select  1"))


def test_quotes_are_layout_only_where_both_mean_the_same() -> None:
    assert _layout("a.js", "f('a b');\n", 'f("a b");\n')
    # JS/TS and Python read escapes alike between either quote; Ruby and PHP do not.
    assert _layout("a.ts", "f('a\\n');\n", 'f("a\\n");\n')
    assert _layout("a.js", "f('it\\'s');\n", 'f("it\'s");\n')
    assert _layout("a.php", "<?php\nf('a b');\n", '<?php\nf("a b");\n')
    assert _layout("a.rb", 'f("a b")\n', "f('a b')\n")
    # Interpolation signs and escapes change the value.
    assert not _layout("a.php", "<?php\nf('a$b');\n", '<?php\nf("a$b");\n')
    assert not _layout("a.rb", "f('#{b}')\n", 'f("#{b}")\n')
    assert not _layout("a.rb", "f('a\\n')\n", 'f("a\\n")\n')
    assert not _layout("a.js", "f('a\\'b');\n", 'f("a\\"b");\n')
    # In Go, Java, Kotlin, C# and Scala a single quote is a character.
    assert not _layout("a.go", "package m\n\nvar a = 'a'\n", 'package m\n\nvar a = "a"\n')


def test_trailing_commas_are_layout_only_where_they_mean_nothing() -> None:
    assert _layout("a.js", "f(a, b);\nconst x = [1, 2];\n", "f(a, b,);\nconst x = [1, 2,];\n")
    assert _layout("a.py", "f(a)\n", "f(\n    a,\n)\n")
    # A tuple and a tuple index in Python; a rest in a Ruby array pattern.
    assert not _layout("a.py", "x = (a)\n", "x = (a,)\n")
    assert not _layout("a.py", "x = d[a]\n", "x = d[a,]\n")
    rb = "case v\nin [a]\n  a\nend\n"
    assert not _layout("a.rb", rb, rb.replace("[a]", "[a,]"))
    # An elision in a JS array is an element.
    assert not _layout("a.js", "const x = [1,];\n", "const x = [1,,];\n")


def test_semicolons_in_js_are_layout_only_where_the_code_reads_the_same() -> None:
    assert _layout("a.js", "let a = b\nc()\n", "let a = b;\nc();\n")
    # Without the `;` the next line's parenthesis calls `b`.
    assert not _layout("a.js", "let a = b;\n(c || d)();\n", "let a = b\n(c || d)();\n")
    assert not _layout("a.js", "for (i = 0; ; i++) {}\n", "for (i = 0; i++; ) {}\n")


def test_scala_unicode_arrows_are_the_ascii_ones() -> None:
    ascii_arrows = "object A {\n  val f = (x: Int) => x\n  for (a <- b) yield a\n}\n"
    unicode = ascii_arrows.replace("=>", "\u21d2").replace("<-", "\u2190")
    assert _layout("A.scala", unicode, ascii_arrows)
    assert not _layout("A.scala", unicode, ascii_arrows.replace("(x: Int)", "(y: Int)"))


def test_comments_and_blank_lines_are_layout() -> None:
    go = "package m\n\nfunc f() int {\n\treturn 1\n}\n"
    assert _layout("a.go", go, go.replace("\treturn 1", "\t// one\n\n\treturn 1"))


def test_comments_a_tool_reads_are_code() -> None:
    go = 'package m\n\nimport _ "embed"\n\n//go:embed static\nvar fs string\n'
    assert not _layout("a.go", go, go.replace("//go:embed static", "//go:embed static/*"))
    assert _layout("a.go", go, go.replace("//go:embed static", "//go:embed static\n// the files"))
    rb = "x = 'a'\n"
    assert not _layout("a.rb", rb, "# frozen_string_literal: true\n\n" + rb)
    assert _layout("a.rb", rb, "# Holds x.\n" + rb)
    php = (
        '<?php\nclass A\n{\n    /**\n     * @Route("/a")\n     */\n    public function a() {}\n}\n'
    )
    assert not _layout("a.php", php, php.replace('@Route("/a")', '@Route("/admin")'))
    assert _layout("a.php", php, php.replace("    /**\n     * @", "  /**\n   * @"))
    assert _layout("a.php", php, php.replace("    public", "    // a\n    public"))
    sql = "/*!40101 SET NAMES utf8 */;\nselect 1;\n"
    assert not _layout("m.sql", sql, sql.replace("utf8", "latin1"))
    assert _layout("m.sql", sql, sql.replace("select 1", "-- one\nSELECT 1"))


def test_sql_keyword_case_is_layout_but_names_and_strings_keep_theirs() -> None:
    assert _layout(
        "m.sql", "select a from t where b = 'x';\n", "SELECT a\nFROM t\nWHERE b = 'x';\n"
    )
    assert not _layout(
        "m.sql", "select a from t where b = 'x';\n", "SELECT a FROM t WHERE b = 'X';\n"
    )
    assert not _layout("m.sql", 'select "A" from t;\n', 'select "a" from t;\n')
    # MySQL (backticks): a table name's case can matter.
    mysql = "create table `t` (id int) engine=InnoDB;\nselect * from Users;\n"
    assert not _layout("m.sql", mysql, mysql.replace("from Users", "from users"))
    assert _layout("m.sql", mysql, mysql.replace("select * from", "SELECT * FROM"))
    # `#` is an operator in PostgreSQL, a comment only in MySQL.
    assert not _layout("m.sql", "select a # b from t;\n", "select a # c from t;\n")


def test_syntax_error_or_diff_only_gets_no_claim() -> None:
    before, after = _pair("routes.js")
    assert not _layout("src/routes.js", before, after.replace("router.get(", "router.get((", 1))
    file = _changed("src/routes.js", before, after).model_copy(update={"content": None})
    assert not layout_only(file).whole


# Hunk by hunk: the first hunk only re-lays the call, the second changes a name.
GO_BEFORE = """package jobs

import "os/exec"

func Archive(dir string, name string) error {
    cmd := exec.Command("tar","czf",name,dir)
    return cmd.Run()
}

func keep() int {
	return 1
}

func Purge(days int) error {
	return exec.Command("find", "/tmp", "-mtime", "+7", "-delete").Run()
}
"""
GO_AFTER = """package jobs

import "os/exec"

func Archive(dir string, name string) error {
	cmd := exec.Command("tar", "czf", name, dir)
	return cmd.Run()
}

func keep() int {
	return 1
}

func Purge(days int) error {
	return exec.Command("find", "/var/tmp", "-mtime", "+7", "-delete").Run()
}
"""


JAVA_BEFORE = """package app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.util.List;

public class Proxy {
    private final RestTemplate rest = new RestTemplate();

    public String get(HttpServletRequest request) throws Exception {
        URI uri = new URI("https://api.example.com" + request.getPathInfo());
        return rest.getForObject(uri, String.class);
    }
}
"""

JAVA_AFTER = """package app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.web.client.RestTemplate;

public class Proxy {
  private final RestTemplate rest = new RestTemplate();

  public String get(HttpServletRequest request) throws Exception {
    URI uri = new URI("https://api.example.com" + request.getPathInfo());
    return rest.getForObject(uri, String.class);
  }
}
"""


def test_imports_sorted_by_the_formatter_are_layout_only() -> None:
    """spotless moves `java.*` imports up among the others: two hunks, neither with the
    same tokens on both sides, and the same code."""
    path = "src/main/java/app/web/Proxy.java"
    assert layout_only(_changed(path, JAVA_BEFORE, JAVA_AFTER)).whole
    # An import added or dropped is a change.
    added = _edit(JAVA_AFTER, "import java.util.List;\n", "import java.util.Map;\n")
    assert not layout_only(_changed(path, JAVA_BEFORE, added)).whole
    # The same imports with an edited line of code is a change too.
    edited = _edit(JAVA_AFTER, '"https://api.example.com"', '"https://api.example.org"')
    assert not layout_only(_changed(path, JAVA_BEFORE, edited)).whole


def test_parentheses_around_one_arrow_parameter_are_layout_only() -> None:
    """prettier's `arrowParens: always` (and Rome) turn `knex => …` into `(knex) => …`."""
    before = 'exports.up = knex => {\n\treturn knex.schema.createTable("users", table => {\n'
    before += '\t\ttable.uuid("id").primary();\n\t});\n};\n'
    after = 'exports.up = (knex) => {\n  return knex.schema.createTable("users", (table) => {\n'
    after += '    table.uuid("id").primary();\n  });\n};\n'
    path = "db/migrations/20200906183548_users.js"
    assert layout_only(_changed(path, before, after)).whole
    typed = after.replace("(table) =>", "(table: Knex.CreateTableBuilder) =>")
    assert not layout_only(_changed(path.replace(".js", ".ts"), before, typed)).whole
    two = after.replace("(table) =>", "(table, extra) =>")
    assert not layout_only(_changed(path, before, two)).whole


def test_go_imports_regrouped_are_layout_only() -> None:
    before = 'package a\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nfunc F() { fmt.Println(os.Args) }\n'
    after = 'package a\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc F() {\n\tfmt.Println(os.Args)\n}\n'
    assert layout_only(_changed("internal/a/a.go", before, after)).whole


def test_per_hunk_only_the_hunks_that_re_lay_code() -> None:
    layout = layout_only(_changed("jobs/archive.go", GO_BEFORE, GO_AFTER))
    assert not layout.whole
    assert _line_of(GO_AFTER, '"tar", "czf"') in layout.lines
    assert _line_of(GO_AFTER, "/var/tmp") not in layout.lines


PY_BEFORE = """import subprocess


def archive(name,target):
    return subprocess.call('tar czf %s %s' % (target,name), shell=True)


def keep():
    return 1


def purge(days):
    return subprocess.call(["find", "/tmp", "-mtime", "+7", "-delete"])
"""


PY_BLACK = """def archive(name, target):
    return subprocess.call(
        "tar czf %s %s" % (target, name),
        shell=True,
    )
"""


def test_per_hunk_python_black_hunk_is_layout_and_an_edited_hunk_is_not() -> None:
    old = PY_BEFORE[PY_BEFORE.index("def archive") : PY_BEFORE.index("\n\n\ndef keep")] + "\n"
    after = _edit(PY_BEFORE, old, PY_BLACK).replace('"/tmp"', '"/var/tmp"')
    layout = layout_only(_changed("app/jobs.py", PY_BEFORE, after))
    assert not layout.whole
    assert _line_of(after, '"tar czf') in layout.lines
    assert _line_of(after, "/var/tmp") not in layout.lines


def test_per_hunk_claims_nothing_when_a_stretch_between_hunks_reads_otherwise() -> None:
    # The first hunk opens a block comment the second one closes: the code between
    # them, unchanged as text, is no longer code, so no hunk is called layout only
    # (without context lines, each hunk alone has the same tokens on both sides).
    body = "\tz()\n\tz()\n\tz()\n\tz()\n"
    before = f"package m\n\nfunc b() {{\n{body}}}\n\nfunc c() {{\n\ty()\n}}\n"
    after = before.replace("func b", "/*\nfunc b").replace("func c() {", "*/ func c()  {")
    file = _changed("m.go", before, after, context=0)
    assert len(file.hunks) == 2
    assert not layout_only(file).lines


def _findings(path: str, before: str, after: str) -> dict[tuple[str, int], Severity]:
    result = review_files([_changed(path, before, after)], RepoConfig(llm=False))
    return {(f.rule, f.line): f.severity for f in result.findings}


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("routes.js", "command-injection"),
        ("ReportController.java", "sql-injection"),
        ("InvoiceController.php", "sql-injection"),
    ],
)
def test_finding_on_reformatted_code_goes_to_the_summary(name: str, rule: str) -> None:
    before, after = _pair(name)
    result = review_files([_changed(_path(name), before, after)], RepoConfig(llm=False))
    (finding,) = [f for f in result.findings if f.rule == rule]
    assert finding.severity is Severity.INFO
    assert "only reformats the file" in finding.body


def test_finding_on_edited_code_stays_inline() -> None:
    before, after = _pair("routes.js")
    edited = _edit(after, '"ls " + req', '"ls -a " + req')
    severities = [s for (rule, _), s in _findings("src/routes.js", before, edited).items()]
    assert severities and Severity.INFO not in severities


def test_per_hunk_finding_in_a_re_laid_hunk_goes_to_the_summary_the_other_stays() -> None:
    before, _ = _pair("routes.js")
    after = _edit(before, "exec('ls ' + req.query.dir,", 'exec("ls " + req.query.dir,')
    after = _edit(
        after,
        "  const who = req.query.name || 'world'\n",
        "  const who = req.query.name || 'world'\n  exec('say ' + req.query.name)\n",
    )
    found = _findings("src/routes.js", before, after)
    assert found[("command-injection", _line_of(after, '"ls "'))] is Severity.INFO
    assert found[("command-injection", _line_of(after, "'say '"))] is not Severity.INFO
    result = review_files([_changed("src/routes.js", before, after)], RepoConfig(llm=False))
    (demoted,) = [f for f in result.findings if f.severity is Severity.INFO]
    assert "only reformats code" in demoted.body


def test_migration_reformat_notes_indexing_findings() -> None:
    name = "V7__invoice_indexes.sql"
    before, after = _pair(name)
    result = review_files([_changed(_path(name), before, after)], RepoConfig(llm=False))
    indexing = [f for f in result.findings if f.category.value == "indexing"]
    assert indexing
    assert all(f.severity is Severity.INFO for f in indexing)
    assert all("only reformats the file" in f.body for f in indexing)


# A flow whose sink a hunk only re-lays but whose source the change wrote is the change's.
FLOW_BEFORE = """const express = require('express')
const { exec } = require('child_process')
const router = express.Router()

router.get('/files', function (req, res) {
  const dir = 'static'
  const mode = 'list'
  const when = Date.now()
  res.set('X-Mode', mode)
  res.set('X-When', String(when))
  exec('ls ' + dir, (err, stdout) => res.send(stdout))
})

module.exports = router
"""


def test_flow_from_a_changed_hunk_into_a_re_laid_sink_stays_inline() -> None:
    after = _edit(FLOW_BEFORE, "const dir = 'static'", "const dir = req.query.dir")
    after = _edit(after, "exec('ls ' + dir,", 'exec("ls " + dir,')
    file = _changed("src/routes.js", FLOW_BEFORE, after)
    sink = _line_of(after, "exec(")
    assert sink in layout_only(file).lines  # the sink's hunk is layout only ...
    found = _findings("src/routes.js", FLOW_BEFORE, after)
    assert found[("command-injection", sink)] is not Severity.INFO  # ... the flow is new


def test_flow_from_another_changed_file_into_a_reformatted_file_stays_inline() -> None:
    util = (
        "import subprocess\n\n\n"
        "def run(name):\n    return subprocess.call('ls ' + name, shell=True)\n"
    )
    views = (
        "from flask import Flask, request\n\nfrom app.util import run\n\n"
        "app = Flask(__name__)\n\n\n@app.route('/x')\ndef x():\n    return 'ok'\n"
    )
    files = [
        _changed("app/util.py", util, util.replace("'ls '", '"ls "')),  # Black only
        _changed("app/views.py", views, views.replace("'ok'", "str(run(request.args['n']))")),
    ]
    assert layout_only(files[0]).whole
    result = review_files(files, RepoConfig(llm=False))
    (flow,) = [f for f in result.findings if f.path == "app/util.py"]
    assert flow.rule == "command-injection"
    assert flow.severity is not Severity.INFO
