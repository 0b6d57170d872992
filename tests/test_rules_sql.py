"""SQL rules: squawk for PostgreSQL migrations, sqlglot for the rest."""

from __future__ import annotations

import logging
import subprocess

import pytest
import sqlglot
from sqlglot import exp

from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, Finding
from bot.rules.engine import registry, run_rules
from bot.rules.lib.sql_text import (
    MYSQL,
    POSTGRES,
    analyzable_text,
    detect_dialect,
    split_statements,
)
from bot.rules.sql_squawk import (
    SquawkError,
    _parse_output,
    concurrent_suggestion,
    run_squawk,
    squawk_binary,
)
from bot.select import select_backend

CREATE_INDEX = "pg-create-index-blocking"


def _review(files: list[ChangedFile], *rule_ids: str) -> list[Finding]:
    kept, _ = select_backend(files)
    run = run_rules(kept, only=list(rule_ids) or None)
    assert run.errors == []
    return run.findings


def variant_title(old_id: str) -> str:
    wording = registry().wording(old_id)
    assert wording is not None
    return wording.title


def _lines(findings: list[Finding], rule_id: str, path: str | None = None) -> list[int]:
    return sorted(
        f.line
        for f in findings
        if f.rule == registry().canonical(rule_id) and path in (None, f.path)
    )


# --- squawk ------------------------------------------------------------------------


def test_squawk_lines_are_one_based_in_a_multi_statement_file() -> None:
    code = (
        "-- 0042: orders lookups\n"  # 1
        "\n"  # 2
        "SET search_path = app;\n"  # 3
        "CREATE INDEX idx_orders_user ON orders (user_id);\n"  # 4
        "ALTER TABLE orders\n"  # 5
        "  ADD CONSTRAINT orders_user_fk\n"  # 6
        "  FOREIGN KEY (user_id) REFERENCES users (id);\n"  # 7
        "DROP INDEX idx_old; ALTER TABLE users RENAME COLUMN mail TO email;\n"  # 8
    )
    findings = _review([added_file("db/migrations/0042_orders.sql", code)])
    assert _lines(findings, CREATE_INDEX) == [4]
    fk = [f for f in findings if f.rule == registry().canonical("pg-add-foreign-key-locking")]
    assert [(f.line, f.end_line) for f in fk] == [(6, 7)]
    assert _lines(findings, "pg-drop-index-blocking") == [8]
    assert _lines(findings, "pg-rename-column") == [8]
    # The FK's generic twin (squawk's constraint-missing-not-valid, reported with the
    # CHECK constraint's wording) is folded into the specific report, and noise is not mapped.
    assert [f.title for f in fk] == [variant_title("pg-add-foreign-key-locking")]
    assert {f.rule for f in findings} <= {
        registry().canonical(rule)
        for rule in (
            "index-build-blocking",
            "pg-add-foreign-key-locking",
            "pg-drop-index-blocking",
            "pg-rename-column",
        )
    }


def test_a_broken_file_gets_no_findings_and_does_not_hide_other_files() -> None:
    files = [
        added_file("db/migrations/0001_a.sql", "CREATE INDEX idx_a ON a (x);\n"),
        added_file(
            "db/migrations/0002_broken.sql",
            "CREATE INDEX idx_b ON b (x);\nCREATE TABLEE oops (;\n",
        ),
        added_file("db/migrations/0003_c.sql", "SELECT 1;\n\nCREATE INDEX idx_c ON c (x);\n"),
    ]
    findings = _review(files, CREATE_INDEX)
    assert sorted((f.path, f.line) for f in findings) == [
        ("db/migrations/0001_a.sql", 1),
        ("db/migrations/0003_c.sql", 3),
    ]


def test_run_squawk_uses_one_result_list_per_text() -> None:
    results = run_squawk(["SELECT 1;\n", "\n\nDROP INDEX i;\n", ""])
    assert [r.rule for r in results[0]] == []
    assert [(r.rule, r.line) for r in results[1]] == [("require-concurrent-index-deletion", 3)]
    assert results[2] == []


PARTIAL_DIFF = """\
diff --git a/db/migrations/0042_orders.sql b/db/migrations/0042_orders.sql
--- a/db/migrations/0042_orders.sql
+++ b/db/migrations/0042_orders.sql
@@ -10,4 +10,5 @@
   created_at timestamptz NOT NULL
 );
 CREATE INDEX idx_orders_created ON orders (created_at);
+CREATE INDEX idx_orders_user ON orders (user_id);
 -- end
"""


def test_partial_diff_flags_only_the_added_index_despite_a_cut_statement() -> None:
    files = parse_diff(PARTIAL_DIFF)
    assert files[0].content is None
    # The hunk starts inside a CREATE TABLE: squawk alone would see a syntax error.
    assert analyzable_text(files[0]).startswith("\n" * 9 + "  created_at")
    findings = _review(files, CREATE_INDEX)
    assert [(f.line, f.suggestion) for f in findings] == [
        (13, "CREATE INDEX CONCURRENTLY idx_orders_user ON orders (user_id);")
    ]


def test_gaps_between_hunks_separate_statements() -> None:
    diff = """\
diff --git a/db/migrations/0042_x.sql b/db/migrations/0042_x.sql
--- a/db/migrations/0042_x.sql
+++ b/db/migrations/0042_x.sql
@@ -1,2 +1,2 @@
 ALTER TABLE orders
-  ADD COLUMN a int;
+  ADD COLUMN a bigint;
@@ -20,1 +20,2 @@
 CREATE INDEX CONCURRENTLY i ON t (a);
+DROP INDEX CONCURRENTLY j;
"""
    text = analyzable_text(parse_diff(diff)[0])
    lines = text.split("\n")
    assert lines[0] == "ALTER TABLE orders" and lines[2] == ";" and lines[19].startswith("CREATE")
    assert [s.line for s in split_statements(text)] == [1, 20, 21]


def test_suggestion_adds_concurrently_and_still_parses() -> None:
    code = (
        "create unique index if not exists idx_users_email on users (lower(email));\n"
        "CREATE INDEX idx_orders_user\n  ON orders (user_id);\n"
    )
    findings = _review([added_file("db/migrations/0042_idx.sql", code)], CREATE_INDEX)
    by_line = {f.line: f for f in findings}
    assert sorted(by_line) == [1, 2]
    fixed = by_line[1].suggestion
    assert fixed == (
        "create unique index concurrently if not exists idx_users_email on users (lower(email));"
    )
    tree = sqlglot.parse_one(fixed, read="postgres")
    assert isinstance(tree, exp.Create) and tree.args.get("concurrently")
    # A statement over two lines cannot be replaced by a one-line suggestion.
    assert by_line[2].suggestion is None


def test_no_suggestion_inside_a_transaction_block() -> None:
    code = "BEGIN;\nCREATE INDEX idx_a ON a (x);\nCOMMIT;\nCREATE INDEX idx_b ON b (x);\n"
    findings = _review([added_file("db/migrations/0042_tx.sql", code)], CREATE_INDEX)
    assert [(f.line, f.suggestion is None) for f in findings] == [(2, True), (4, False)]


def test_concurrent_suggestion_refuses_lines_it_cannot_fix_cleanly() -> None:
    assert concurrent_suggestion("CREATE INDEX a ON t (x); CREATE INDEX b ON t (y);") is None
    assert concurrent_suggestion("SELECT 1;") is None
    assert (
        concurrent_suggestion("CREATE INDEX a ON t (x); -- hot path")
        == "CREATE INDEX CONCURRENTLY a ON t (x); -- hot path"
    )


def test_squawk_skips_mysql_files() -> None:
    code = "CREATE INDEX idx_user ON `orders` (`user_id`);\nDROP TABLE `legacy`;\n"
    findings = _review([added_file("db/migrations/0042_mysql_like.sql", code)])
    assert not [f for f in findings if f.rule.startswith("pg-")]


def test_int_columns_that_are_not_ids_are_not_flagged() -> None:
    code = (
        "ALTER TABLE orders ADD COLUMN quantity int;\n"
        "ALTER TABLE orders ADD COLUMN shop_id int;\n"
        "ALTER TABLE orders ADD COLUMN paid int;\n"
        'ALTER TABLE orders ADD COLUMN "customerId" int;\n'
    )
    findings = _review([added_file("db/migrations/0042_int.sql", code)], "pg-prefer-bigint")
    assert _lines(findings, "pg-prefer-bigint") == [2, 4]


def test_squawk_binary_is_found_without_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    squawk_binary.cache_clear()
    try:
        version = subprocess.run(
            [squawk_binary(), "--version"], capture_output=True, text=True, timeout=10
        )
    finally:
        squawk_binary.cache_clear()
    assert version.stdout.startswith("squawk ")


def test_squawk_failure_raises_a_clear_error() -> None:
    crashed = subprocess.CompletedProcess(["squawk"], 2, stdout="", stderr="boom\nmore")
    with pytest.raises(SquawkError, match="exited with 2: boom"):
        _parse_output(crashed, ["00000.sql"])
    garbled = subprocess.CompletedProcess(["squawk"], 1, stdout="not json", stderr="")
    with pytest.raises(SquawkError, match="no JSON"):
        _parse_output(garbled, ["00000.sql"])
    # Exit 1 normally means "findings"; without a report it is a failure.
    unreadable = subprocess.CompletedProcess(["squawk"], 1, stdout="", stderr="Failed to find")
    with pytest.raises(SquawkError, match="Failed to find"):
        _parse_output(unreadable, ["00000.sql"])


def test_crlf_lines_give_a_clean_suggestion() -> None:
    code = "-- x\r\nCREATE INDEX idx_a ON a (x);\r\n"
    findings = _review([added_file("db/migrations/0042_crlf.sql", code)], CREATE_INDEX)
    assert [(f.line, f.suggestion) for f in findings] == [
        (2, "CREATE INDEX CONCURRENTLY idx_a ON a (x);")
    ]


# --- sqlglot -----------------------------------------------------------------------


def test_statements_keep_their_lines_through_strings_comments_and_dollar_quotes() -> None:
    text = (
        "-- header; not a statement\n"  # 1
        "CREATE FUNCTION f() RETURNS trigger AS $body$\n"  # 2
        "BEGIN; RETURN NEW; END;\n"  # 3
        "$body$ LANGUAGE plpgsql;\n"  # 4
        "/* a; /* nested; */ still; */ INSERT INTO t VALUES ('a;''b', \"c;d\");\n"  # 5
        "\n"  # 6
        "ALTER TABLE a$b$c\n"  # 7
        "  ADD x int"  # 8
    )
    got = [(s.line, s.end_line, s.text.split()[0]) for s in split_statements(text)]
    assert got == [(2, 4, "CREATE"), (5, 5, "INSERT"), (7, 8, "ALTER")]


def test_mysql_strings_use_backslash_escapes() -> None:
    text = "INSERT INTO t VALUES ('it\\'s; fine');\n# comment; here\nDROP DATABASE x;\n"
    assert [s.line for s in split_statements(text, MYSQL)] == [1, 3]


@pytest.mark.parametrize(
    ("path", "text", "dialect"),
    [
        ("db/migrations/001.sql", "-- dialect: mysql\nALTER TABLE t ADD c int;", MYSQL),
        ("db/migrations/001.sql", "-- dialect: MariaDB\nSELECT 1;", MYSQL),
        ("db/mysql/001.sql", "ALTER TABLE t ADD c int;", MYSQL),
        ("db/migrations/001_init.mysql.sql", "SELECT 1;", MYSQL),
        ("db/migrations/001.sql", "ALTER TABLE `t` ADD `c` int;", MYSQL),
        ("db/migrations/001.sql", "CREATE TABLE t (id int) ENGINE=InnoDB;", MYSQL),
        ("db/migrations/001.sql", "CREATE TABLE t (id int AUTO_INCREMENT);", MYSQL),
        ("db/migrations/001.sql", 'ALTER TABLE "t" ADD c int;', POSTGRES),
        ("db/pg/001.sql", "ALTER TABLE `t` ADD c int;", POSTGRES),
        ("db/mysql/001.sql", "-- dialect: postgresql\nSELECT 1;", POSTGRES),
        ("db/sqlite/001.sql", "SELECT 1;", "sqlite"),
        ("db/migrations/mysqlish/001.sql", "SELECT 1;", POSTGRES),
    ],
)
def test_dialect_detection(path: str, text: str, dialect: str) -> None:
    assert detect_dialect(path, text) == dialect


def test_sqlglot_rules_flag_the_first_line_and_end_on_the_last() -> None:
    code = (
        "-- dialect: mysql\n"  # 1
        "ALTER TABLE orders\n"  # 2
        "  ADD COLUMN note TEXT,\n"  # 3
        "  ALGORITHM=COPY;\n"  # 4
        "TRUNCATE TABLE\n"  # 5
        "  users;\n"  # 6
        "DROP DATABASE\n"  # 7
        "  legacy;\n"  # 8
    )
    findings = _review([added_file("db/migrations/0042_m.sql", code)])
    spans = sorted((f.rule, f.line, f.end_line) for f in findings)
    assert spans == [("mysql-alter-table-locking", 2, 4), ("sql-destructive", 7, 8)]


def test_sqlglot_fallback_is_silent_and_still_judges_the_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    code = "ALTER TABLE `orders` CONVERT TO CHARACTER SET utf8mb4;\n"
    with caplog.at_level(logging.WARNING):
        findings = _review(
            [added_file("db/migrations/0042_cs.sql", code)], "mysql-alter-table-locking"
        )
    assert _lines(findings, "mysql-alter-table-locking") == [1]
    assert not [r for r in caplog.records if r.name.startswith("sqlglot")]


def test_set_not_null_in_a_partial_diff_is_flagged_on_the_added_line() -> None:
    diff = """\
diff --git a/db/migrations/0042_nn.sql b/db/migrations/0042_nn.sql
--- a/db/migrations/0042_nn.sql
+++ b/db/migrations/0042_nn.sql
@@ -5,2 +5,3 @@
 ALTER TABLE orders ALTER COLUMN shop_id SET NOT NULL;
 UPDATE orders SET note = '' WHERE note IS NULL;
+ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
"""
    findings = _review(parse_diff(diff), "pg-set-not-null-scan")
    assert _lines(findings, "pg-set-not-null-scan") == [7]
