"""Catalogue gaps of issue 5: `json` columns, SQL foreign keys without an index, backfills
and enum values in `.sql` migrations, framework index drops, and `marshal`/`shelve`."""

from __future__ import annotations

import ast

import sqlglot
from rule_helpers import review_change, review_new

from bot.models import Finding, Severity
from bot.rules.astgrep import parse, replace_lines

SQL = "db/migrations/0044_orders.sql"
RAILS = "db/migrate/20240601090000_change_orders.rb"
ALEMBIC = "alembic/versions/3f2a1c_orders.py"
DJANGO = "shop/migrations/0043_order_changes.py"


def lines(findings: list[Finding]) -> list[int]:
    return [f.line for f in findings]


def applied(code: str, finding: Finding) -> str:
    assert finding.suggestion is not None
    return replace_lines(code, finding.line, finding.end_line or finding.line, finding.suggestion)


# --- pg-prefer-jsonb ---------------------------------------------------------------------

JSON_SQL = (
    "CREATE TABLE events (\n"
    "  id bigint PRIMARY KEY,\n"
    "  payload json NOT NULL,\n"
    "  tags JSON[]\n"
    ");\n"
    "ALTER TABLE orders ADD COLUMN IF NOT EXISTS extra json;\n"
    "SELECT '{}'::json, json_agg(x) FROM t;\n"
)


def test_jsonb_sql_flags_column_types_with_a_suggestion_that_parses() -> None:
    findings = review_new(SQL, JSON_SQL, "pg-prefer-jsonb")
    assert lines(findings) == [3, 4, 6]
    assert [f.suggestion for f in findings] == [
        "  payload jsonb NOT NULL,",
        "  tags JSONB[]",
        "ALTER TABLE orders ADD COLUMN IF NOT EXISTS extra jsonb;",
    ]
    fixed = JSON_SQL
    for finding in findings:
        fixed = applied(fixed, finding)
    for statement in sqlglot.parse(fixed, read="postgres"):
        assert statement is not None
    assert review_new(SQL, fixed, "pg-prefer-jsonb") == []


def test_jsonb_advice_goes_to_the_summary_with_why_it_may_not_matter() -> None:
    # On real migrations a `json` column was nearly always stored and read whole (style
    # advice, not a hazard): the finding is a summary note saying what it depends on.
    findings = review_new(SQL, JSON_SQL, "pg-prefer-jsonb")
    assert findings and all(f.severity is Severity.INFO for f in findings)
    assert all("read whole" in f.body for f in findings)


def test_jsonb_sql_skips_mysql_and_retype_suggestion_with_using() -> None:
    assert review_new("db/migrations/mysql/0044_orders.sql", JSON_SQL, "pg-prefer-jsonb") == []
    code = "ALTER TABLE orders ALTER COLUMN info TYPE json USING info::json;\n"
    (finding,) = review_new(SQL, code, "pg-prefer-jsonb")
    assert finding.suggestion is None  # the USING cast would need changing too


def test_jsonb_sql_diff_reports_only_the_added_column() -> None:
    old = "CREATE TABLE events (\n  id bigint PRIMARY KEY,\n  payload json,\n  note text\n);\n"
    new = old.replace("  note text\n", "  meta json,\n  note text\n")
    assert lines(review_change(SQL, old, new, "pg-prefer-jsonb")) == [4]


RAILS_JSON = (
    "class ChangeOrders < ActiveRecord::Migration[7.1]\n"
    "  def change\n"
    "    create_table :events do |t|\n"
    "      t.json :payload, null: false\n"
    "    end\n"
    "    add_column :orders, :extra, :json\n"
    "  end\n"
    "end\n"
)


def test_jsonb_rails_suggestions_parse() -> None:
    findings = review_new(RAILS, RAILS_JSON, "pg-prefer-jsonb")
    assert lines(findings) == [4, 6]
    assert findings[0].suggestion == "      t.jsonb :payload, null: false"
    assert findings[1].suggestion == "    add_column :orders, :extra, :jsonb"
    fixed = applied(applied(RAILS_JSON, findings[0]), findings[1])
    root = parse(fixed, "ruby")
    assert root is not None and root.find(kind="ERROR") is None
    assert review_new(RAILS, fixed, "pg-prefer-jsonb") == []


def test_jsonb_rails_diff_ignores_existing_json_column() -> None:
    new = RAILS_JSON.replace("    add_column :orders, :extra, :json\n", "")
    old = new
    new = new.replace("  end\nend\n", "    add_column :orders, :meta, :json\n  end\nend\n")
    assert lines(review_change(RAILS, old, new, "pg-prefer-jsonb")) == [6]


ALEMBIC_JSON = (
    "import sqlalchemy as sa\n"
    "from alembic import op\n"
    "from sqlalchemy.dialects import postgresql as pg\n"
    "\n\n"
    "def upgrade():\n"
    '    op.add_column("orders", sa.Column("extra", sa.JSON(), nullable=True))\n'
    '    op.create_table("events", sa.Column("payload", pg.JSON))\n'
    "\n\n"
    "def downgrade():\n"
    '    op.add_column("orders", sa.Column("old", sa.JSON()))\n'
)


def test_jsonb_alembic_uses_the_files_alias_and_skips_downgrade() -> None:
    findings = review_new(ALEMBIC, ALEMBIC_JSON, "pg-prefer-jsonb")
    assert lines(findings) == [7, 8]
    assert findings[0].suggestion is not None and "pg.JSONB()" in findings[0].suggestion
    assert findings[1].suggestion is not None and "pg.JSONB)" in findings[1].suggestion
    ast.parse(applied(applied(ALEMBIC_JSON, findings[0]), findings[1]))


def test_jsonb_alembic_without_postgresql_import_has_no_suggestion() -> None:
    code = ALEMBIC_JSON.replace("from sqlalchemy.dialects import postgresql as pg\n", "")
    code = code.replace("pg.JSON", "sa.types.JSON")
    findings = review_new(ALEMBIC, code, "pg-prefer-jsonb")
    assert lines(findings) == [6, 7]
    assert all(f.suggestion is None for f in findings)


# --- foreign-key-not-indexed over SQL, as one migration file shows it ---------------------
# (the check reading the file alone reports under the old id fk-without-index; the
# schema-aware check of the same rule is tested in test_schema_checks)


def one_file(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.reported_as == "fk-without-index"]


FK_SQL = (
    "CREATE TABLE orders (\n"
    "  id bigint PRIMARY KEY,\n"
    "  user_id bigint NOT NULL REFERENCES users (id),\n"
    "  shop_id bigint REFERENCES shops (id),\n"
    "  note text DEFAULT 'a, b (REFERENCES x)'\n"
    ");\n"
    "CREATE INDEX orders_shop_created ON orders (shop_id, created_at);\n"
)


def test_sql_fk_without_index_in_a_new_file() -> None:
    findings = one_file(review_new(SQL, FK_SQL, "foreign-key-not-indexed"))
    assert lines(findings) == [3]
    assert "orders.user_id" in findings[0].title
    indexed = FK_SQL + "CREATE INDEX orders_user ON orders (user_id);\n"
    assert one_file(review_new(SQL, indexed, "foreign-key-not-indexed")) == []
    # An index whose first column is another one does not serve the key.
    second = FK_SQL + "CREATE INDEX orders_created_user ON orders (created_at, user_id);\n"
    assert lines(one_file(review_new(SQL, second, "foreign-key-not-indexed"))) == [3]


def test_sql_fk_in_a_new_file_diff_and_not_in_a_partial_one() -> None:
    assert lines(one_file(review_change(SQL, None, FK_SQL, "foreign-key-not-indexed"))) == [3]
    # A modified file seen only through its diff may hold the index out of view.
    old = "CREATE TABLE orders (\n  id bigint PRIMARY KEY\n);\n"
    new = old + "ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id);\n"
    assert one_file(review_change(SQL, old, new, "foreign-key-not-indexed")) == []


def test_sql_fk_skips_prisma_generated_migrations() -> None:
    path = "prisma/migrations/20240601_init/migration.sql"
    code = (
        'CREATE TABLE "Order" ("id" SERIAL NOT NULL, "userId" INTEGER NOT NULL);\n'
        'ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") '
        'REFERENCES "User"("id");\n'
    )
    assert one_file(review_new(path, code, "foreign-key-not-indexed")) == []
    assert lines(one_file(review_new(SQL, code, "foreign-key-not-indexed"))) == [2]


# --- backfill and enum values in .sql migrations ----------------------------------------------

BACKFILL_SQL = (
    "ALTER TABLE orders ADD COLUMN region text;\n"
    "UPDATE orders SET region = 'eu';\n"
    "UPDATE users SET active = true;\n"
)


def test_sql_backfill_next_to_ddl_on_the_same_table() -> None:
    findings = review_new(SQL, BACKFILL_SQL, "migration-backfill-with-ddl")
    assert lines(findings) == [2]
    assert "`orders`" in findings[0].title
    scoped = BACKFILL_SQL.replace("'eu';", "'eu' WHERE id < 1000;")
    assert review_new(SQL, scoped, "migration-backfill-with-ddl") == []
    committed = BACKFILL_SQL.replace("text;\n", "text;\nCOMMIT;\n")
    assert review_new(SQL, committed, "migration-backfill-with-ddl") == []
    mysql = "db/migrations/mysql/0044_orders.sql"
    assert review_new(mysql, BACKFILL_SQL, "migration-backfill-with-ddl") == []


def test_sql_backfill_diff_ignores_preexisting_update() -> None:
    new = BACKFILL_SQL + "DELETE FROM orders WHERE region IS NULL;\n"
    assert lines(review_change(SQL, BACKFILL_SQL, new, "migration-backfill-with-ddl")) == [4]


ENUM_SQL = (
    "ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';\n"
    "UPDATE orders SET status = 'refunded' WHERE refunded_at IS NOT NULL;\n"
)


def test_sql_enum_value_used_where_it_is_added() -> None:
    findings = review_new(SQL, ENUM_SQL, "enum-value-used-in-transaction")
    assert lines(findings) == [1]
    assert "line 2" in findings[0].title
    alone = ENUM_SQL.splitlines(keepends=True)[0]
    assert review_new(SQL, alone, "enum-value-used-in-transaction") == []
    dbmate = "-- migrate:up transaction:false\n" + ENUM_SQL
    assert review_new(SQL, dbmate, "enum-value-used-in-transaction") == []
    assert lines(review_change(SQL, None, ENUM_SQL, "enum-value-used-in-transaction")) == [1]


# --- migration-drop-index-blocking ------------------------------------------------------------

RAILS_DROP = (
    "class ChangeOrders < ActiveRecord::Migration[7.1]\n"
    "  def up\n"
    "    remove_index :orders, :legacy_ref\n"
    "  end\n"
    "\n"
    "  def down\n"
    "    add_index :orders, :legacy_ref\n"
    "  end\n"
    "end\n"
)


def test_rails_remove_index_suggestion_parses() -> None:
    (finding,) = review_new(RAILS, RAILS_DROP, "migration-drop-index-blocking")
    assert finding.line == 3
    assert finding.suggestion == "    remove_index :orders, :legacy_ref, algorithm: :concurrently"
    assert "disable_ddl_transaction!" in finding.body
    root = parse(applied(RAILS_DROP, finding), "ruby")
    assert root is not None and root.find(kind="ERROR") is None


def test_rails_remove_index_in_down_is_not_reported() -> None:
    code = RAILS_DROP.replace("remove_index", "add_idx").replace("add_index", "remove_index")
    assert review_new(RAILS, code, "migration-drop-index-blocking") == []


ALEMBIC_DROP = (
    "from alembic import op\n"
    "\n\n"
    "def upgrade():\n"
    '    op.drop_index("ix_orders_legacy", table_name="orders")\n'
    "\n\n"
    "def downgrade():\n"
    '    op.drop_index("ix_orders_new", table_name="orders")\n'
)


def test_alembic_drop_index_suggestion_parses_and_downgrade_is_skipped() -> None:
    (finding,) = review_new(ALEMBIC, ALEMBIC_DROP, "migration-drop-index-blocking")
    assert finding.line == 5
    assert finding.suggestion is not None and "postgresql_concurrently=True" in finding.suggestion
    ast.parse(applied(ALEMBIC_DROP, finding))
    assert "autocommit_block" in finding.body


DJANGO_DROP = (
    "from django.db import migrations\n"
    "\n\n"
    "class Migration(migrations.Migration):\n"
    '    dependencies = [("shop", "0042_order_created_idx")]\n'
    "    operations = [\n"
    '        migrations.RemoveIndex(model_name="order", name="order_legacy_idx"),\n'
    "    ]\n"
)


def test_django_remove_index_suggests_the_concurrent_operation() -> None:
    (finding,) = review_new(DJANGO, DJANGO_DROP, "migration-drop-index-blocking")
    assert finding.line == 7
    assert finding.suggestion is not None
    assert finding.suggestion.startswith("        RemoveIndexConcurrently(")
    ast.parse(applied(DJANGO_DROP, finding))
    assert "atomic = False" in finding.body


def test_drop_index_in_a_diff_reports_only_added_lines() -> None:
    old = DJANGO_DROP
    new = old.replace(
        "    ]\n",
        '        migrations.RemoveIndex(model_name="order", name="order_other_idx"),\n    ]\n',
    )
    assert lines(review_change(DJANGO, old, new, "migration-drop-index-blocking")) == [8]


# --- unsafe-deserialization: marshal and shelve ---------------------------------------------------

MARSHAL = (
    "import marshal\n"
    "import shelve\n"
    "\n\n"
    "def load(sock, request):\n"
    "    code = marshal.loads(sock.recv(4096))\n"
    "    return code, shelve.open(request.GET['db'])\n"
)


def test_marshal_and_shelve_are_reported_as_unsafe_deserialization() -> None:
    findings = review_new("app/cache.py", MARSHAL, "unsafe-deserialization")
    assert lines(findings) == [6, 7]
    assert "S302" in findings[0].body  # bytes off a socket: a pattern claim
    assert "request.GET" in (findings[1].title or "")  # request input: a flow


def test_marshal_dumps_alone_and_preexisting_loads_are_not_reported() -> None:
    safe = "import marshal\n\n\ndef save(obj):\n    return marshal.dumps(obj)\n"
    assert review_new("app/cache.py", safe, "unsafe-deserialization") == []
    new = MARSHAL.replace("    return code", "    log(code)\n    return code")
    changed = review_change("app/cache.py", MARSHAL, new, "unsafe-deserialization")
    assert changed == []
