"""Schema-aware checks over code a change adds, with the schema of the whole repository."""

from __future__ import annotations

import pytest

from bot.models import Category, Finding, Severity
from bot.schema import build_schema
from bot.schema.context import use
from bot.schema.table_size import adjust_for_table_size
from tests.rule_helpers import review_change, review_new

RAILS = {
    "db/schema.rb": (
        "ActiveRecord::Schema[7.1].define(version: 1) do\n"
        '  create_table "orders", force: :cascade do |t|\n'
        '    t.bigint "user_id"\n    t.string "status"\n    t.string "email"\n'
        '    t.index ["user_id", "status"], name: "index_orders_on_user_id_and_status"\n'
        "  end\nend\n"
    )
}


def _lines(findings: list[Finding]) -> list[int]:
    return [f.line for f in findings]


def test_new_query_on_an_existing_unindexed_column_is_named_with_the_index_to_add() -> None:
    code = (
        "class OrdersController < ApplicationController\n  def index\n"
        "    @orders = Order.where(status: params[:status])\n"
        "    @mine = Order.where(user_id: current_user.id)\n"
        "    @one = Order.find(params[:id])\n  end\nend\n"
    )
    with use(build_schema(RAILS)):
        found = review_new(
            "app/controllers/orders_controller.rb", code, "query-on-unindexed-column"
        )
    assert _lines(found) == [3]
    assert "add_index :orders, :status, algorithm: :concurrently" in found[0].body
    assert "does not show" in found[0].body  # the size is a fact the repo cannot show


def test_only_added_lines_are_judged() -> None:
    old = "class A\n  def x\n    Order.where(status: 1)\n  end\nend\n"
    new = "class A\n  def x\n    Order.where(status: 1)\n    Order.where(email: 2)\n  end\nend\n"
    with use(build_schema(RAILS)):
        found = review_change("app/services/a.rb", old, new, "query-on-unindexed-column")
    assert _lines(found) == [4]


def test_large_and_small_tables_change_the_size_line() -> None:
    code = "class A\n  def x\n    Order.where(status: 1)\n  end\nend\n"
    with use(build_schema(RAILS), large_tables=["orders"]):
        found = review_new("app/services/a.rb", code, "query-on-unindexed-column")
    assert "large_tables" in found[0].body


def test_unknown_tables_and_columns_produce_nothing() -> None:
    code = "class A\n  def x\n    Invoice.where(status: 1)\n    Order.where(nope: 1)\n  end\nend\n"
    with use(build_schema(RAILS)):
        assert review_new("app/services/a.rb", code, "query-on-unindexed-column") == []


SQL_SCHEMA = {
    "db/migrations/V1__init.sql": (
        "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, created_at"
        " timestamptz);\n"
        "CREATE UNIQUE INDEX users_email ON users (email);\n"
        "CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint REFERENCES users"
        " (id), total int);\n"
    )
}


FUNCTION = "function-predicate-without-index"


@pytest.mark.parametrize(
    ("path", "code", "rule", "lines"),
    [
        (
            "app/repo.py",
            "def f(cur, e):\n"
            '    cur.execute("SELECT * FROM users WHERE lower(email) = %s", (e,))\n',
            "function-predicate-without-index",
            [2],
        ),
        (
            "app/repo.py",
            'def f(cur, e):\n    cur.execute("SELECT * FROM users WHERE email = %s", (e,))\n',
            "function-predicate-without-index",
            [],
        ),
        (
            "internal/store/orders.go",
            "package store\n\nconst q = `SELECT o.id FROM users u JOIN orders o ON"
            " o.user_id = u.id WHERE u.email = $1`\n",
            "query-on-unindexed-column",
            [3],
        ),
        (
            "src/routes/report.ts",
            "export const q = (knex) => knex('users').orderBy('created_at').limit(10);\n",
            "query-on-unindexed-column",
            [1],
        ),
        (
            "src/routes/report.ts",
            "export const q = (knex) => knex('users').where('email', e).orderBy('created_at');\n",
            "query-on-unindexed-column",
            [],
        ),
    ],
)
def test_raw_sql_and_query_builders(path: str, code: str, rule: str, lines: list[int]) -> None:
    with use(build_schema(SQL_SCHEMA)):
        assert _lines(review_new(path, code, rule)) == lines


def test_an_expression_index_as_pg_dump_writes_it_serves_the_function_filter() -> None:
    """`structure.sql` holds `lower((name)::text)` for an index created on `lower(name)`."""
    dumped = {
        "db/structure.sql": (
            "CREATE TABLE public.users (id bigint NOT NULL, name character varying NOT NULL);\n"
            "CREATE UNIQUE INDEX index_users_on_name ON public.users USING btree "
            "(lower((name)::text));\n"
        )
    }
    code = (
        'class A\n  def x(n)\n    User.find_by("lower(name) = ?", n.downcase)\n'
        '    User.where("upper(name) = ?", n)\n  end\nend\n'
    )
    with use(build_schema(dumped)):
        assert _lines(review_new("app/models/a.rb", code, FUNCTION)) == [4]


def test_foreign_key_added_to_an_existing_column_without_any_index() -> None:
    migration = (
        "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id)"
        " REFERENCES users (id) NOT VALID;\n"
    )
    files = {**SQL_SCHEMA, "db/migrations/V2__fk.sql": migration}
    with use(build_schema(files)):
        found = review_new("db/migrations/V2__fk.sql", migration, "foreign-key-not-indexed")
    assert _lines(found) == []  # V1 already declared that key; only a new declaration counts
    files["db/migrations/V1__init.sql"] = SQL_SCHEMA["db/migrations/V1__init.sql"].replace(
        " REFERENCES users (id)", ""
    )
    with use(build_schema(files)):
        found = review_new("db/migrations/V2__fk.sql", migration, "foreign-key-not-indexed")
    assert _lines(found) == [1]
    assert "CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);" in found[0].body


def test_redundant_index_against_an_index_declared_in_another_file() -> None:
    migration = (
        "class X < ActiveRecord::Migration[7.1]\n  def change\n    add_index"
        " :orders, :user_id\n  end\nend\n"
    )
    path = "db/migrate/20240701000000_index_orders_user.rb"
    with use(build_schema({**RAILS, path: migration})):
        found = review_new(path, migration, "redundant-index")
    assert _lines(found) == [3] and "left prefix" in found[0].body


def _finding(rule: str, line: int, severity: Severity) -> Finding:
    return Finding(
        path="db/migrate/1_x.rb",
        line=line,
        end_line=line,
        category=Category.INDEXING,
        severity=severity,
        rule=rule,
        title="t",
        body="b",
    )


def test_table_size_raises_lowers_or_says_it_is_unknown() -> None:
    text = (
        "class X\n  def change\n    add_index :orders, :status\n    add_index :carts,"
        " :a\n    add_index :tags, :b\n  end\nend\n"
    )
    findings = [
        _finding("rails-add-index-blocking", 3, Severity.MEDIUM),
        _finding("rails-add-index-blocking", 4, Severity.MEDIUM),
        _finding("rails-add-index-blocking", 5, Severity.MEDIUM),
        _finding("select-star", 5, Severity.LOW),
        _finding("migration-drop-index-blocking", 5, Severity.MEDIUM),
    ]
    out = adjust_for_table_size(findings, {"db/migrate/1_x.rb": text}, ["orders"], ["carts"])
    # Listed small, an index build stays a summary line. Unlisted: an index build on a
    # table whose name says nothing of its growth, and a hazard whose false alarms were
    # small tables, go to the summary. Both say in one line that the size decides it.
    assert [f.severity for f in out] == [
        Severity.HIGH,
        Severity.INFO,
        Severity.INFO,
        Severity.LOW,
        Severity.INFO,
    ]
    assert "`carts` is listed under `small_tables:`" in out[1].body
    assert "does not show" in out[2].body and out[3].body == "b"
    assert "does not show" in out[4].body


def test_postgres_lock_advice_is_taken_off_a_mysql_or_sqlite_project() -> None:
    text = (
        "class X < ActiveRecord::Migration[7.1]\n  def change\n"
        "    add_index :orders, :status\n  end\nend\n"
    )
    finding = _finding("rails-add-index-blocking", 3, Severity.MEDIUM)
    texts = {"db/migrate/1_x.rb": text}
    for gemfile, expected in (
        ('gem "mysql2"\n', Severity.INFO),
        ('gem "sqlite3"\n', Severity.INFO),
        ('gem "pg"\n', Severity.HIGH),
        ('gem "pg"\ngem "mysql2"\n', Severity.HIGH),  # may run on PostgreSQL: keep it
        ('gem "sqlite3"\ngem "trilogy"\n', Severity.INFO),  # neither is PostgreSQL
    ):
        out = adjust_for_table_size([finding], {**texts, "Gemfile": gemfile}, ["orders"], [])
        assert out[0].severity is expected, gemfile
    yml = "production:\n  adapter: trilogy\n"
    out = adjust_for_table_size([finding], {**texts, "config/database.yml": yml}, ["orders"], [])
    assert out[0].severity is Severity.INFO and "MySQL/MariaDB" in out[0].body


def test_set_not_null_is_no_scan_on_a_mysql_or_sqlite_project() -> None:
    # MySQL rebuilds the table online to make a column NOT NULL; PostgreSQL scans it under
    # an exclusive lock. A NOT NULL column added without a default stays a hazard anywhere.
    text = (
        "class X < ActiveRecord::Migration[7.1]\n  def change\n"
        "    change_column_null :notifications, :card_id, false\n"
        "    add_column :notifications, :kind, :string, null: false\n  end\nend\n"
    )
    texts = {"db/migrate/1_x.rb": text}
    scan = _finding("migration-not-null-column", 3, Severity.MEDIUM)
    added = _finding("migration-not-null-column", 4, Severity.MEDIUM)
    large = ["notifications"]
    for gemfile, summary_only in (
        ('gem "trilogy"\n', True),
        ('gem "sqlite3"\n', True),
        ('gem "pg"\n', False),
    ):
        out = adjust_for_table_size([scan, added], {**texts, "Gemfile": gemfile}, large, [])
        assert (out[0].severity is Severity.INFO) is summary_only, gemfile
        assert out[1].severity is not Severity.INFO, gemfile
    out = adjust_for_table_size([scan], {**texts, "Gemfile": 'gem "mysql2"\n'}, large, [])
    assert "online table rebuild" in out[0].body


def test_unindexed_filter_on_a_flag_or_small_table_goes_to_the_summary() -> None:
    def q(title: str) -> Finding:
        return _finding("query-on-unindexed-column", 1, Severity.MEDIUM).model_copy(
            update={"title": title}
        )

    findings = [
        q("`challenges` queried on state without an index"),
        q("`tracking` queried on user_id, type without an index"),
        q("`carts` queried on user_id without an index"),
    ]
    out = adjust_for_table_size(findings, {}, [], ["carts"])
    assert [f.severity for f in out] == [Severity.INFO, Severity.MEDIUM, Severity.INFO]


def test_unindexed_foreign_key_is_inline_only_on_a_large_table() -> None:
    finding = _finding("foreign-key-not-indexed", 1, Severity.MEDIUM).model_copy(
        update={"title": "Foreign key `ratings.challenge_id` has no index"}
    )
    assert adjust_for_table_size([finding], {}, ["ratings"], [])[0].severity is Severity.MEDIUM
    assert adjust_for_table_size([finding], {}, [], [])[0].severity is Severity.INFO


def test_a_migrations_sql_companion_is_not_a_second_index() -> None:
    """CourtListener keeps `sqlmigrate`'s output beside each Django migration
    (`0060_x.sql`, `0060_x_customers.sql`): the same index written twice, one of which is
    applied. Another migration's index on the same column is still a duplicate."""
    django = (
        "from django.db import migrations, models\n\n\n"
        "class Migration(migrations.Migration):\n"
        "    dependencies = [('search', '0059_prev')]\n"
        "    operations = [\n"
        "        migrations.CreateModel(\n"
        "            name='NycMeta',\n"
        "            fields=[\n"
        "                ('id', models.AutoField(primary_key=True)),\n"
        "                ('docket_id', models.IntegerField(unique=True)),\n"
        "            ],\n"
        "        ),\n"
        "    ]\n"
    )
    sql = (
        'CREATE TABLE "search_nycmeta" ("id" serial PRIMARY KEY, "docket_id" integer NOT NULL'
        ' UNIQUE);\nCREATE UNIQUE INDEX "search_nycmeta_docket_id_uniq" ON "search_nycmeta"'
        ' ("docket_id");\n'
    )
    files = {
        "cl/search/migrations/0060_nyc.py": django,
        "cl/search/migrations/0060_nyc.sql": sql,
        "cl/search/migrations/0060_nyc_customers.sql": sql,
    }
    for path in (
        "cl/search/migrations/0060_nyc.sql",
        "cl/search/migrations/0060_nyc_customers.sql",
    ):
        with use(build_schema(files)):
            found = review_new(path, sql, "redundant-index")
        assert not [f for f in found if "0060_nyc.py" in f.body], path
    later = "cl/search/migrations/0061_again.sql"
    files[later] = 'CREATE UNIQUE INDEX "again" ON "search_nycmeta" ("docket_id");\n'
    with use(build_schema(files)):
        found = review_new(later, files[later], "redundant-index")
    assert _lines(found) == [1]
