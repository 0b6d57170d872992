"""SQL with template placeholders and `DO $$ ... $$` blocks is still analysed; what
does not parse is named in the summary instead of passing silently."""

from __future__ import annotations

from rule_helpers import review_change, review_new

from bot.rules.lib.sql_text import neutralise

SQL = "db/migrations/0045_orders.sql"


def test_placeholders_keep_every_line_and_column() -> None:
    text = (
        "ALTER TABLE {{ schema }}.orders ADD COLUMN n int;\n"
        "{% if prod %}\nCREATE INDEX i ON ${prefix}_orders (a);\n{% endif %}\n"
        "SELECT * FROM orders WHERE id = :id AND name = :'name' AND x::int = 1;\n"
    )
    out = neutralise(text)
    assert len(out) == len(text)
    assert [len(row) for row in out.split("\n")] == [len(row) for row in text.split("\n")]
    assert "{" not in out and "}" not in out and ":id" not in out and ":'name'" not in out
    assert "x::int" in out  # a cast is SQL, not a placeholder


def test_index_behind_a_placeholder_is_still_flagged() -> None:
    code = "CREATE INDEX orders_status ON {{ schema }}.orders (status);\n"
    assert [f.line for f in review_new(SQL, code, "pg-create-index-blocking")] == [1]
    assert not review_new(SQL, code, "sql-not-analysed")


def test_statements_inside_a_do_block_are_analysed_one_by_one() -> None:
    code = (
        "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'x') THEN\n"
        "    CREATE INDEX orders_status ON orders (status);\n  END IF;\nEND\n$$;\n"
    )
    assert [f.line for f in review_new(SQL, code, "pg-create-index-blocking")] == [4]
    assert not review_new(SQL, code, "sql-not-analysed")


def test_sql_that_still_does_not_parse_is_named_in_the_summary() -> None:
    code = "ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX ON;\n"
    found = review_new(SQL, code, "sql-not-analysed")
    assert len(found) == 1
    assert found[0].severity.value == "info"
    assert found[0].title.startswith(f"Not analysed: {SQL} (line 2: ")
    # A change to a file that parses names nothing.
    old = "".join(f"-- filler {i}\n" for i in range(20)) + "ALTER TABLE a\n  ADD COLUMN b int;\n"
    new = old.replace("ADD COLUMN b int;", "ADD COLUMN b int;\nCREATE INDEX i ON a (b);")
    assert not review_change(SQL, old, new, "sql-not-analysed")


def test_do_block_with_declarations_multi_line_conditions_and_return() -> None:
    code = (
        "DO $$\nDECLARE\n    n INTEGER := 0;\nBEGIN\n"
        "    IF EXISTS (SELECT 1 FROM properties WHERE k = 'x') THEN\n        RETURN;\n"
        "    END IF;\n    SELECT COUNT(*) INTO n FROM audit_log;\n"
        "    IF (SELECT last_value FROM audit_log_id_seq) > 1\n       OR n > 1 THEN\n"
        "        ALTER TABLE audit_log ALTER COLUMN id TYPE bigint;\n    END IF;\n"
        "    PERFORM pg_sleep(0);\nEND $$;\n"
    )
    assert not review_new(SQL, code, "sql-not-analysed")
    assert [f.line for f in review_new(SQL, code, "pg-change-column-type")] == [11]


def test_a_diff_of_sql_nothing_of_which_parses_is_named_not_read_twice() -> None:
    """Known only from its diff, a SQL file whose every statement squawk cannot read has
    nothing left once they are blanked: it is named in the summary (from the first of
    its thousands of syntax errors), not sent to squawk a second time."""
    from bot.pipeline import review_diff

    body = "alter table accounts add c int default 1\n" * 2_000
    rows = "".join(f"+{row}\n" for row in body.splitlines())
    diff = (
        "diff --git a/db/migrations/V3__columns.sql b/db/migrations/V3__columns.sql\n"
        "new file mode 100644\n--- /dev/null\n+++ b/db/migrations/V3__columns.sql\n"
        f"@@ -0,0 +1,2000 @@\n{rows}"
    )
    found = [f for f in review_diff(diff).findings if f.rule == "sql-not-analysed"]
    assert [(f.line, f.severity.value) for f in found] == [(1, "info")]
    assert found[0].title.startswith("Not analysed: db/migrations/V3__columns.sql (line 1: ")
