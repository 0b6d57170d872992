"""Query-pattern and route-convention rules over new files, real diffs and whole PRs."""

from __future__ import annotations

import ast

import pytest
import rule_helpers as helpers
from rule_helpers import (
    fixture_case,
    fixture_cases,
    flagged,
    review_change,
    run_rule,
    selected,
    unified_diff,
)

from bot.diff import added_file, parse_diff
from bot.rules import query_patterns, route_conventions
from bot.rules.astgrep import replace_lines
from bot.rules.engine import RuleCase, registry, run_rules
from bot.select import select_backend

QUERY_RULES = (
    "n-plus-one-query",
    "select-star",
    "like-leading-wildcard",
    "filter-on-unindexed-column",
    "unbounded-list-query",
)
ROUTE_RULES = (
    "get-handler-writes",
    "post-create-without-201",
    "delete-with-body",
    "error-with-status-200",
    "inconsistent-route-naming",
)
OURS = QUERY_RULES + ROUTE_RULES


def review_new(path: str, code: str, rule: str) -> list[int]:
    return flagged(helpers.review_new(path, code, rule))


def _positive_cases() -> list[tuple[str, RuleCase]]:
    # A case that needs other files (`bastion-repo:`, `bastion-changed:`) is not one file.
    return [
        (rid, case)
        for rid in OURS
        for case in fixture_cases(rid)[0]
        if not case.repo and not case.changed
    ]


def _label(value: object) -> str:
    return value.path if isinstance(value, RuleCase) else str(value)


# --- every rule, every language ------------------------------------------------------------


def test_every_rule_is_registered_once_with_cases_in_each_language_it_names() -> None:
    rules = registry().rules
    for rid in OURS:
        positive, negative = fixture_cases(rid)
        assert positive and negative
    # Cross-file: the single-file fixture covers Python; the other languages are below.
    for rid in set(OURS) - {"filter-on-unindexed-column"}:
        rule = rules[rid]
        kept = selected([added_file(c.path, c.code) for c in fixture_cases(rid)[0]])
        assert {f.language for f in kept} == set(rule.languages), rid


@pytest.mark.parametrize(("rule", "case"), _positive_cases(), ids=_label)
def test_positive_case_flags_its_lines_on_a_new_file(rule: str, case: RuleCase) -> None:
    assert review_new(case.path, case.code, rule) == sorted(case.lines)


@pytest.mark.parametrize(("rule", "case"), _positive_cases(), ids=_label)
def test_existing_bad_lines_shown_as_diff_context_are_not_reported(
    rule: str, case: RuleCase
) -> None:
    # The change only adds a comment: the problem is in context, not in this change.
    comment = "# note\n" if case.path.endswith((".py", ".rb")) else "// note\n"
    if case.path.endswith(".sql"):
        comment = "-- note\n"
    new = case.code + comment if case.path.endswith(".php") else comment + case.code
    assert review_change(case.path, case.code, new, rule) == []


# --- n-plus-one-query ----------------------------------------------------------------------

_DJANGO_LOOP = (
    "def report():\n"
    "    rows = []\n"
    "    for author in Author.objects.filter(active=True):\n"
    "        rows.append(author.name)\n"
    "    return rows\n"
)


def test_n_plus_one_added_inside_an_old_loop_is_reported_on_the_added_line() -> None:
    new = _DJANGO_LOOP.replace(
        "        rows.append(author.name)\n",
        "        rows.append(author.name)\n"
        "        rows.append(Book.objects.filter(author=author).count())\n",
    )
    found = review_change("app/reports.py", _DJANGO_LOOP, new, "n-plus-one-query")
    assert [f.line for f in found] == [5]
    assert "loop at line 3" in found[0].title


@pytest.mark.parametrize(
    "code",
    [
        # a comprehension over a queryset assigned earlier
        "def f():\n    qs = Author.objects.all()\n    return [a.books.count() for a in qs]\n",
        # a loop over a plain list is not a loop over query results
        "def f(ids):\n    return [Author.objects.get(pk=i) for i in ids]\n",
    ],
)
def test_n_plus_one_python_loop_sources(code: str) -> None:
    lines = review_new("app/reports.py", code, "n-plus-one-query")
    assert lines == ([3] if "qs" in code else [])


def test_n_plus_one_related_manager_is_fine_when_prefetched_but_filter_is_not() -> None:
    code = (
        "def f():\n"
        "    for a in Author.objects.prefetch_related('books'):\n"
        "        a.books.all()\n"
        "        a.books.filter(year=2020)\n"
    )
    # prefetch_related serves `.all()` from memory; `.filter()` always queries
    assert review_new("app/reports.py", code, "n-plus-one-query") == []
    code = code.replace("prefetch_related('books')", "filter(x=1)")
    assert review_new("app/reports.py", code, "n-plus-one-query") == [3, 4]


def test_n_plus_one_ignores_tests() -> None:
    assert (
        review_new(
            "tests/test_reports.py",
            _DJANGO_LOOP.replace("rows.append(author.name)", "Book.objects.get(author=author)"),
            "n-plus-one-query",
        )
        == []
    )


# --- select-star / like --------------------------------------------------------------------


def test_select_star_in_a_sql_query_file_is_left_to_sqlc() -> None:
    # .sql query files: sqlc expands `*` into columns at generation time
    assert review_new("db/queries/users.sql", "SELECT * FROM users;\n", "select-star") == []


def test_select_star_probe_and_dynamic_table_are_not_flagged() -> None:
    code = (
        "def shape(cursor, table):\n"
        '    cursor.execute("SELECT * FROM users LIMIT 0")\n'
        '    cursor.execute("SELECT * FROM %s" % table)\n'
        '    sql = "SELECT * FROM accounts WHERE id = %s"\n'
    )
    assert review_new("app/repo.py", code, "select-star") == [4]


def test_like_placeholder_bound_to_a_wildcard_variable_built_just_before() -> None:
    code = (
        "def search(cursor, q):\n"
        '    pattern = f"%{q}%"\n'
        '    cursor.execute("SELECT id FROM products WHERE name LIKE %s", [pattern])\n'
        '    cursor.execute("SELECT id FROM products WHERE name LIKE %s", [q + "%"])\n'
    )
    assert review_new("app/search.py", code, "like-leading-wildcard") == [3]


def test_like_in_migrations_and_docs_strings_is_ignored() -> None:
    code = (
        "OPS = {'contains': \"LIKE '%%' || {} || '%%'\"}\n"
        "def version(cursor):\n"
        "    cursor.execute(\"SELECT VERSION() LIKE '%MariaDB%'\")\n"
    )
    assert review_new("app/backend.py", code, "like-leading-wildcard") == []


def test_sqlalchemy_contains_needs_the_sqlalchemy_import() -> None:
    code = "def f(q):\n    return Product.name.contains(q)\n"
    assert review_new("app/search.py", code, "like-leading-wildcard") == []
    assert review_new(
        "app/search.py", "import sqlalchemy as sa\n" + code, "like-leading-wildcard"
    ) == [3]


# --- filter-on-unindexed-column (whole PRs) ---------------------------------------------------


def _pr(*files: tuple[str, str], rule: str = "filter-on-unindexed-column") -> list[tuple[str, int]]:
    found = run_rule([added_file(path, code) for path, code in files], rule)
    return sorted((f.path, f.line) for f in found)


_DJANGO_MIGRATION = (
    "from django.db import migrations, models\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    operations = [\n"
    "        migrations.AddField(\n"
    '            model_name="order",\n'
    '            name="status",\n'
    "            field=models.CharField(\n"
    "                max_length=20,\n"
    '                default="new",\n'
    "            ),\n"
    "        ),\n"
    "    ]\n"
)
_DJANGO_VIEW = (
    "from shop.models import Order\n"
    "\n"
    "def open_orders():\n"
    '    return Order.objects.filter(status="open")\n'
)


def test_unindexed_django_migration_and_view() -> None:
    migration = ("shop/migrations/0002_order_status.py", _DJANGO_MIGRATION)
    assert _pr(migration, ("shop/views.py", _DJANGO_VIEW)) == [("shop/views.py", 4)]
    indexed = _DJANGO_MIGRATION.replace(
        'default="new",', 'default="new",\n                db_index=True,'
    )
    assert _pr((migration[0], indexed), ("shop/views.py", _DJANGO_VIEW)) == []
    # another model's `status` is another column
    other = _DJANGO_VIEW.replace("Order", "Invoice")
    assert _pr(migration, ("shop/views.py", other)) == []


def test_unindexed_rails_migration_and_controller() -> None:
    migration = (
        "db/migrate/20240101000000_add_status_to_orders.rb",
        "class AddStatusToOrders < ActiveRecord::Migration[7.1]\n"
        "  def change\n"
        "    add_column :orders, :status, :string\n"
        "  end\n"
        "end\n",
    )
    controller = (
        "app/controllers/orders_controller.rb",
        "class OrdersController < ApplicationController\n"
        "  def open\n"
        "    @orders = Order.where(status: 'open').order(:created_at)\n"
        "  end\n"
        "end\n",
    )
    assert _pr(migration, controller) == [(controller[0], 3)]
    index = (
        "db/migrate/20240101000001_index_orders_status.rb",
        "class IndexOrdersStatus < ActiveRecord::Migration[7.1]\n"
        "  disable_ddl_transaction!\n"
        "  def change\n"
        "    add_index :orders, :status, algorithm: :concurrently\n"
        "  end\n"
        "end\n",
    )
    assert _pr(migration, index, controller) == []


def test_unindexed_prisma_schema_and_typescript_query() -> None:
    schema = (
        "prisma/schema.prisma",
        "model Order {\n  id     Int    @id\n  status String\n}\n",
    )
    service = (
        "src/services/orders.ts",
        "import { PrismaClient } from '@prisma/client';\n"
        "const prisma = new PrismaClient();\n"
        "export const open = () => prisma.order.findMany({\n"
        "  where: { status: 'open' },\n"
        "});\n",
    )
    assert _pr(schema, service) == [(service[0], 4)]
    indexed = (schema[0], schema[1].replace("}\n", "  @@index([status])\n}\n"))
    assert _pr(indexed, service) == []


def test_unindexed_sql_migration_and_sql_in_code() -> None:
    migration = (
        "db/migrations/0007_orders.sql",
        "CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  placed_at timestamptz NOT NULL\n);\n",
    )
    code = (
        "internal/store/orders.go",
        "package store\n"
        "\n"
        "const recent = `SELECT id FROM orders\n"
        "  ORDER BY placed_at DESC LIMIT 20`\n",
    )
    assert _pr(migration, code) == [(code[0], 4)]
    with_index = (
        migration[0],
        migration[1] + "CREATE INDEX CONCURRENTLY orders_placed ON orders (placed_at);\n",
    )
    assert _pr(with_index, code) == []


def test_unindexed_alembic_migration_and_sqlalchemy_query() -> None:
    migration = (
        "alembic/versions/abc123_add_email.py",
        "import sqlalchemy as sa\n"
        "from alembic import op\n"
        "\n"
        "def upgrade():\n"
        '    op.add_column("users", sa.Column("email", sa.String(), nullable=True))\n',
    )
    query = (
        "app/services/users.py",
        "def by_email(session, email):\n"
        "    return session.query(User).filter(User.email == email).one()\n",
    )
    assert _pr(migration, query) == [(query[0], 2)]


def test_unindexed_ignores_columns_the_change_did_not_add() -> None:
    old = "ALTER TABLE orders ADD COLUMN status text;\n"
    new = old + "ALTER TABLE orders ADD COLUMN note text;\n"
    files = parse_diff(unified_diff("db/migrations/0007_orders.sql", old, new))
    files.append(added_file("shop/views.py", _DJANGO_VIEW))
    assert run_rule(files, "filter-on-unindexed-column") == []


# --- route conventions ---------------------------------------------------------------------

_EXPRESS = "const express = require('express');\nconst router = express.Router();\n"


def test_route_rules_judge_only_routes_the_change_adds() -> None:
    old = _EXPRESS + "router.get('/invites/:code', async (req, res) => {\n  res.json({});\n});\n"
    new = old.replace(
        "  res.json({});\n",
        "  await prisma.invite.delete({ where: { code: req.params.code } });\n  res.json({});\n",
    )
    assert review_change("src/routes/invites.js", old, new, "get-handler-writes") == []
    assert review_new("src/routes/invites.js", new, "get-handler-writes") == [4]


def test_fastapi_post_suggestion_adds_status_code_and_parses() -> None:
    case = fixture_case("post-create-without-201", "python.py")
    (finding,) = run_rule([added_file(case.path, case.code)], "post-create-without-201")
    assert finding.suggestion == '@router.post("/items", status_code=201)'
    ast.parse(replace_lines(case.code, finding.line, finding.end_line, finding.suggestion))


def test_flask_post_suggestion_returns_201() -> None:
    case = fixture_case("post-create-without-201", "python-2.py")
    (finding,) = run_rule([added_file(case.path, case.code)], "post-create-without-201")
    assert finding.suggestion == "    return jsonify(item.to_dict()), 201"
    ast.parse(replace_lines(case.code, finding.line, finding.end_line, finding.suggestion))


def test_express_post_suggestion_sets_status() -> None:
    case = fixture_case("post-create-without-201", "javascript.js")
    (finding,) = run_rule([added_file(case.path, case.code)], "post-create-without-201")
    assert finding.suggestion == "  res.status(201).json(item);"


def test_nest_post_is_left_alone_because_nest_answers_201() -> None:
    code = (
        "import { Body, Controller, Post } from '@nestjs/common';\n"
        "@Controller('items')\n"
        "export class ItemsController {\n"
        "  @Post()\n"
        "  create(@Body() dto: CreateItemDto) {\n"
        "    return this.prisma.item.create({ data: dto });\n"
        "  }\n"
        "}\n"
    )
    assert review_new("src/items/items.controller.ts", code, "post-create-without-201") == []


def test_fastapi_delete_with_a_pydantic_body() -> None:
    code = (
        "from fastapi import APIRouter\n"
        "from pydantic import BaseModel\n"
        "\n"
        "router = APIRouter()\n"
        "\n"
        "class Ids(BaseModel):\n"
        "    ids: list[int]\n"
        "\n"
        '@router.delete("/items")\n'
        "def remove(payload: Ids, user: User = Depends(current_user)) -> None:\n"
        "    delete_items(payload.ids)\n"
    )
    assert review_new("app/api/items.py", code, "delete-with-body") == [10]
    safe = code.replace("payload: Ids, ", "ids: list[int] = Query(), ")
    assert review_new("app/api/items.py", safe, "delete-with-body") == []


def test_naming_suggestion_converts_the_path() -> None:
    case = fixture_case("inconsistent-route-naming", "javascript.js")
    (finding,) = run_rule([added_file(case.path, case.code)], "inconsistent-route-naming")
    assert finding.suggestion == "router.get('/user-profiles', listProfiles);"


@pytest.mark.parametrize(
    ("path", "style"),
    [
        ("/users/{user_id}/paymentMethods", "camelCase"),
        ("/payment_methods/<int:method_id>", "snake_case"),
        ("/order-items/:itemId", "kebab-case"),
        ("/users/{id}", None),
        ("/orderItems/order-lines", None),
    ],
)
def test_path_style(path: str, style: str | None) -> None:
    assert route_conventions.path_style(path) == style


def test_unbounded_rails_index_needs_json_and_no_pagination() -> None:
    code = (
        "class ProductsController < ApplicationController\n"
        "  def index\n"
        "    @products = Product.all\n"
        "  end\n"
        "end\n"
    )
    # an HTML index page renders through a template the rule cannot see: not judged
    assert review_new("app/controllers/products_controller.rb", code, "unbounded-list-query") == []


def test_error_with_status_200_in_flask_tuple_and_keyword_forms() -> None:
    head = "from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n"
    code = head + (
        '@app.post("/login")\n'
        "def login():\n"
        "    if bad():\n"
        '        return jsonify(error="bad credentials")\n'
        "    if locked():\n"
        '        return jsonify(error="locked"), 423\n'
        '    return jsonify(error=None, token="t")\n'
    )
    assert review_new("app/views.py", code, "error-with-status-200") == [8]


# --- odd input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("app/api/broken.py", '@router.get("/x"\ndef (:\n  for a in A.objects.all(:\n'),
        ("src/routes/x.js", "router.get('/x', async (req, res) => {\n  for (const of\n"),
        ("internal/x.go", "package x\nfunc f() { for _, x := range { db.Find(&\n"),
        ("app/models/x.rb", "Post.where(.each do |\n"),
        ("db/migrations/0001.sql", "ALTER TABLE ADD COLUMN ;\nCREATE TABLE (\n"),
        ("prisma/schema.prisma", "model {\n  status\n"),
        ("app/repo.py", 'x = "SELECT * FROM"\ny = "LIKE \'%"\n'),
    ],
)
def test_odd_input_never_raises(path: str, code: str) -> None:
    kept, _ = select_backend([added_file(path, code)])
    run = run_rules(kept, only=list(OURS))
    assert run.errors == []


def test_statement_at_follows_chains_across_lines_and_stops_at_the_statement() -> None:
    text = "q = (Order.objects\n    .filter(a=1)\n    .order_by('x'))\nnext_line()\n"
    assert query_patterns.statement_at(text, 4).endswith(".order_by('x'))")
    go = "db.\n\tWhere(x).\n\tFind(&items)\nother()\n"
    assert query_patterns.statement_at(go, 0) == "db.\n\tWhere(x).\n\tFind(&items)"


def test_table_key_matches_tables_and_models() -> None:
    assert query_patterns.table_key("order_items") == query_patterns.table_key("OrderItem")
    assert query_patterns.table_key("categories") == query_patterns.table_key("Category")
    assert query_patterns.table_key('"public"."boxes"') == query_patterns.table_key("Box")
