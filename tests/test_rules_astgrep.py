"""The ast-grep rules over whole new files and over real diffs where only some lines are new."""

from __future__ import annotations

import pytest
from rule_helpers import fixture_cases, review_change, review_new, selected

from bot.diff import added_file
from bot.models import Finding
from bot.rules import astgrep
from bot.rules.engine import registry, run_rules
from bot.rules.migrations_frameworks import DjangoAddIndex, RailsAddIndex
from bot.rules.routes import ApiVerbInPath, resource_route, verb_in_path
from bot.rules.sql_injection_js import SqlInjectionJs
from bot.select import LANGUAGES, select_backend

AST_GREP_RULES = (
    "sql-injection",
    "rails-add-index-blocking",
    "django-add-index-blocking",
    "api-verb-in-path",
)


def flagged(findings: list[Finding]) -> list[int]:
    return sorted(f.line for f in findings)


# --- the shared helper ------------------------------------------------------------------


def test_every_language_we_name_maps_or_is_refused_without_a_panic() -> None:
    for language in sorted({*LANGUAGES.values(), "csharp", "weird", ""}):
        root = astgrep.parse("x = 1\n", language)
        assert (root is None) == (astgrep.sg_language(language) is None)
    assert astgrep.sg_language("csharp") == "csharp"
    assert astgrep.sg_language("sql") is None
    assert astgrep.sg_language(None) is None


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("db/migrations/0001_init.sql", "CREATE INDEX idx ON users (email);\n"),
        ("config/app.yaml", 'db:\n  query: "SELECT * FROM t WHERE id = ${id}"\n'),
        ("src/server/empty.js", ""),
        ("src/server/garbage.ts", "\x00\x01 db.query(`SELECT ${ \n )))} ` + + \n"),
        ("app/api/broken.py", '@app.get("/getUser"\ndef (:\n'),
        ("db/migrate/20240101000000_broken.rb", "add_index :users, :email,, unique:\n"),
    ],
)
def test_odd_or_unsupported_input_never_raises(path: str, code: str) -> None:
    run = run_rules(select_backend([added_file(path, code)])[0], only=AST_GREP_RULES)
    assert run.errors == []


def test_checks_return_nothing_for_a_language_ast_grep_does_not_know() -> None:
    for check in (SqlInjectionJs(), RailsAddIndex(), DjangoAddIndex(), ApiVerbInPath()):
        file = added_file("db/migrate/20240101000000_x.rb", "add_index :a, :b\n")
        assert list(check.check_file(file.model_copy(update={"language": "sql"}))) == []


def test_a_file_is_parsed_once_however_many_checks_read_it() -> None:
    code = (
        "const express = require('express');\n"
        "const router = express.Router();\n"
        "router.get('/getUser', async (req, res) => {\n"
        "  res.json(await db.query(`SELECT * FROM users WHERE id = ${req.query.id}`));\n"
        "});\n"
    )
    before = astgrep._parse.cache_info()
    run = run_rules(selected([added_file("src/routes/users.js", code)]), only=AST_GREP_RULES)
    after = astgrep._parse.cache_info()
    assert {f.rule for f in run.findings} == {"sql-injection", "api-verb-in-path"}
    assert after.misses - before.misses == 1
    assert after.hits - before.hits >= 1


def test_lines_are_one_based_and_replacement_parse_check_catches_breakage() -> None:
    text = "a = 1\nb = f(\n  2)\n"
    root = astgrep.parse(text, "python")
    assert root is not None
    call = root.find(kind="call")
    assert call is not None
    assert astgrep.lines(call) == (2, 3)
    assert astgrep.replacement_parses(text, 1, 1, "a = 2", "python")
    assert not astgrep.replacement_parses(text, 1, 1, "a = (2", "python")
    assert not astgrep.replacement_parses(text, 1, 1, "a = 2", "sql")


# --- sql-injection -------------------------------------------------------------------

PG_HEADER = "const { Pool } = require('pg');\nconst db = new Pool();\n"


@pytest.mark.parametrize("path", ["src/db/users.js", "src/db/users.ts"])
def test_sql_injection_direct_forms(path: str) -> None:
    code = PG_HEADER + (
        "app.get('/u', async (req, res) => {\n"  # 3
        "  const { id, name, col } = req.query;\n"  # 3
        "  await db.query(`SELECT * FROM users WHERE id = ${id}`);\n"  # 4
        "  await db.query('SELECT * FROM users WHERE name = ' + name);\n"  # 5
        "  await db.query({ text: `DELETE FROM users WHERE id = ${id}` });\n"  # 6
        "  await connection.execute(\n"  # 7
        "    'UPDATE users SET name = \"' + name + '\" WHERE id = 1'\n"
        "  );\n"
        "  await knex.raw(`sum(${col})`);\n"  # 10
        "  await sequelize.query('SELECT 1 FROM t WHERE a = ' + name);\n"  # 11
        "  await prisma.$executeRawUnsafe(`DELETE FROM t WHERE id = ${id}`);\n"  # 12
        "  await knex('t').whereRaw(`name = '${name}'`);\n"  # 13
        "});\n"
    )
    findings = review_new(path, code, "sql-injection")
    assert flagged(findings) == [5, 6, 7, 8, 11, 12, 13, 14]
    multi_line = next(f for f in findings if f.line == 8)
    assert multi_line.end_line == 10
    assert (
        findings[0].title
        == "SQL injection: `id` from `req.query` (line 4) reaches `db.query` (line 5)"
    )
    assert findings[0].severity.value == "high" and findings[0].category.value == "security"
    assert "$1" in findings[0].body


@pytest.mark.parametrize("path", ["src/db/users.js", "src/db/users.ts"])
def test_sql_injection_through_a_variable_built_earlier(path: str) -> None:
    code = PG_HEADER + (
        "app.get('/u', async (req, res) => {\n"  # 3
        "  const { id, name } = req.query;\n"  # 3
        "  const sql = 'SELECT * FROM users WHERE id = ' + id;\n"  # 4
        "  await db.query(sql);\n"  # 5
        "  let q = 'SELECT * FROM users WHERE 1 = 1';\n"  # 6
        "  if (name) q += ` AND name = '${name}'`;\n"  # 7
        "  await db.query(q);\n"  # 8
        "  let safe = `SELECT * FROM users WHERE id = ${id}`;\n"  # 9
        "  safe = 'SELECT * FROM users WHERE id = $1';\n"  # 10
        "  await db.query(safe, [id]);\n"  # 11
        "});\n"
    )
    assert flagged(review_new(path, code, "sql-injection")) == [6, 9]


@pytest.mark.parametrize("path", ["src/db/users.js", "src/db/users.ts"])
def test_sql_injection_leaves_parameterized_and_tagged_queries_alone(path: str) -> None:
    code = PG_HEADER + (
        "const TABLE = 'users';\n"
        "app.get('/u', async (req, res) => {\n"
        "  const { id, ids, term } = req.query;\n"
        "  await db.query('SELECT * FROM users WHERE id = $1', [id]);\n"
        "  await db.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);\n"
        "  await db.query(`SELECT * FROM users WHERE id = ${Tables.USERS}`);\n"
        "  const n = ids.length;\n"
        "  const placeholders = Array.from({ length: n }, (_, i) => `$${i + 1}`).join();\n"
        "  await db.query(`SELECT * FROM users WHERE id IN (${placeholders})`, ids);\n"
        "  await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;\n"
        "  await db.query(sql`SELECT * FROM users WHERE id = ${id}`);\n"
        "  await knex.raw('SELECT * FROM users WHERE id = ?', [id]);\n"
        "  const sql = 'SELECT * FROM users ' + 'WHERE id = $1';\n"
        "  await db.query(sql, [id]);\n"
        "  const dir = req.query.desc ? 'DESC' : 'ASC';\n"
        "  await db.query(`SELECT * FROM users WHERE id = ? ORDER BY id ${dir}`, [id]);\n"
        "  const table = User.getTableName();\n"
        "  await db.query(`SELECT * FROM ${table} WHERE id = ?`, [id]);\n"
        "});\n"
    )
    assert review_new(path, code, "sql-injection") == []


SQL_OLD = PG_HEADER + (
    "app.get('/u/:id', async (req, res) => {\n"  # 3
    "  const id = req.params.id;\n"  # 3
    "  const sql = 'SELECT * FROM users WHERE id = $1';\n"  # 4
    "  const legacy = await db.query(`SELECT * FROM users WHERE id = ${id}`);\n"  # 5
    "  return db.query(sql, [id]);\n"  # 6
    "});\n"
)


def test_sql_injection_in_a_diff_reports_only_what_the_change_added() -> None:
    new = SQL_OLD.replace(
        "  return db.query(sql, [id]);\n",
        "  const other = await db.query(`SELECT * FROM orders WHERE user_id = ${id}`);\n"
        "  return db.query(sql, [id]);\n",
    )
    findings = review_change("src/db/users.js", SQL_OLD, new, "sql-injection")
    assert flagged(findings) == [7]  # line 6's old query is context, not this change's


def test_sql_injection_points_at_the_changed_source_when_the_call_is_old() -> None:
    old = SQL_OLD.replace("const id = req.params.id;", "const id = Number(req.params.id);")
    findings = review_change("src/db/users.ts", old, SQL_OLD, "sql-injection")
    assert flagged(findings) == [4]  # the call on line 6 is old; line 4 made it injectable
    assert "line 6" in findings[0].title


# --- rails-add-index-blocking ------------------------------------------------------------

RAILS_PATH = "db/migrate/20240501120000_add_indexes.rb"


def test_rails_add_index_flags_and_suggests_the_concurrent_form() -> None:
    code = (
        "class AddIndexes < ActiveRecord::Migration[7.1]\n"
        "  def change\n"
        "    add_index :users, :email, unique: true # login lookups\n"  # 3
        "    add_index(:orders, :user_id)\n"  # 4
        "    add_index :events, [:user_id, :created_at],\n"  # 5
        '      name: "index_events_on_user_and_time"\n'
        "    add_index :carts, :token, algorithm: :concurrently\n"
        "  end\n"
        "end\n"
    )
    findings = review_new(RAILS_PATH, code, "rails-add-index-blocking")
    assert flagged(findings) == [3, 4, 5]
    by_line = {f.line: f for f in findings}
    assert by_line[3].suggestion == (
        "    add_index :users, :email, unique: true, algorithm: :concurrently # login lookups"
    )
    assert by_line[4].suggestion == "    add_index(:orders, :user_id, algorithm: :concurrently)"
    assert by_line[5].suggestion is None and by_line[5].end_line == 6
    for finding in (by_line[3], by_line[4]):
        assert finding.suggestion is not None
        assert astgrep.replacement_parses(
            code, finding.line, finding.line, finding.suggestion, "ruby"
        )
    assert "disable_ddl_transaction!" in by_line[3].body
    assert by_line[3].title.startswith("`add_index` on `users`")


def test_rails_add_index_on_a_table_created_in_the_same_migration_is_fine() -> None:
    code = (
        "class CreateCarts < ActiveRecord::Migration[7.1]\n"
        "  def change\n"
        '    create_table "carts" do |t|\n'
        "      t.string :token\n"
        "    end\n"
        "    add_index :carts, :token, unique: true\n"
        "    add_index :users, :cart_id\n"
        "  end\n"
        "end\n"
    )
    assert flagged(review_new(RAILS_PATH, code, "rails-add-index-blocking")) == [7]


def test_rails_add_index_outside_db_migrate_is_not_checked() -> None:
    code = "add_index :users, :email\n"
    run = run_rules(
        selected([added_file("app/models/user.rb", code)]), only=["rails-add-index-blocking"]
    )
    assert run.findings == []


def test_rails_add_index_in_a_diff_reports_only_the_added_call() -> None:
    old = (
        "class AddIndexes < ActiveRecord::Migration[7.1]\n"
        "  def change\n"
        "    add_index :users, :email\n"
        "  end\n"
        "end\n"
    )
    new = old.replace(
        "    add_index :users, :email\n",
        "    add_index :users, :email\n    add_index :users, :name\n",
    )
    findings = review_change(RAILS_PATH, old, new, "rails-add-index-blocking")
    assert flagged(findings) == [4]
    assert findings[0].suggestion == "    add_index :users, :name, algorithm: :concurrently"


# --- django-add-index-blocking -----------------------------------------------------------

DJANGO_PATH = "shop/migrations/0042_indexes.py"
DJANGO_CODE = (
    "from django.db import migrations, models\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    '    dependencies = [("shop", "0041_order_status")]\n'
    "\n"
    "    operations = [\n"
    "        migrations.AddIndex(\n"  # 8
    '            model_name="order",\n'
    '            index=models.Index(fields=["created_at"], name="order_created_idx"),\n'
    "        ),\n"
    '        migrations.AddIndex(model_name="item", index=models.Index(fields=["s"], name="i")),\n'
    "    ]\n"
)


def test_django_add_index_flags_and_suggests_the_concurrent_operation() -> None:
    findings = review_new(DJANGO_PATH, DJANGO_CODE, "django-add-index-blocking")
    assert flagged(findings) == [8, 12]
    first, second = sorted(findings, key=lambda f: f.line)
    assert first.suggestion == "        AddIndexConcurrently("
    assert second.suggestion is not None
    assert second.suggestion.startswith('        AddIndexConcurrently(model_name="item"')
    for finding in findings:
        assert finding.suggestion is not None
        assert astgrep.replacement_parses(
            DJANGO_CODE, finding.line, finding.end_line, finding.suggestion, "python"
        )
    assert "atomic = False" in first.body
    assert "from django.contrib.postgres.operations import AddIndexConcurrently" in first.body
    assert first.title.startswith("`AddIndex` on `order`")


def test_django_detail_only_asks_for_what_is_missing() -> None:
    code = (
        "from django.contrib.postgres.operations import AddIndexConcurrently\n"
        + DJANGO_CODE.replace(
            "class Migration(migrations.Migration):\n",
            "class Migration(migrations.Migration):\n    atomic = False\n",
        )
    )
    findings = review_new(DJANGO_PATH, code, "django-add-index-blocking")
    assert len(findings) == 2
    body_without_rationale = findings[0].body.split("\n\n")[1]
    assert body_without_rationale.startswith("**Fix:**")


def test_django_concurrent_index_and_new_model_indexes_are_fine() -> None:
    code = DJANGO_CODE.replace("migrations.AddIndex(", "AddIndexConcurrently(").replace(
        'model_name="item"', 'model_name="Item"'
    )
    assert review_new(DJANGO_PATH, code, "django-add-index-blocking") == []
    created = DJANGO_CODE.replace(
        "    operations = [\n",
        '    operations = [\n        migrations.CreateModel(name="Order", fields=[]),\n',
    )
    assert flagged(review_new(DJANGO_PATH, created, "django-add-index-blocking")) == [13]


def test_django_add_index_in_a_diff_reports_only_the_added_operation() -> None:
    new = DJANGO_CODE.replace(
        "    ]\n",
        '        migrations.AddIndex(model_name="cart", index=models.Index(fields=["t"], '
        'name="c")),\n    ]\n',
    )
    findings = review_change(DJANGO_PATH, DJANGO_CODE, new, "django-add-index-blocking")
    assert flagged(findings) == [13]


# --- api-verb-in-path ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/getUser", ("get", "GET /user")),
        ("/createOrder", ("create", "POST /orders")),
        ("/users/delete/{id}", ("delete", "DELETE /users/{id}")),
        ("/api/v1/update-profile", ("update", "PATCH /api/v1/profile")),
        ("/fetch_items", ("fetch", "GET /items")),
        ("/listUsers", ("list", "GET /users")),
        ("/api/:id/setStatus", ("set", "PATCH /api/:id/status")),
        ("/cart/add", ("add", "POST /cart")),
        ("/settings", None),
        ("/updates", None),
        ("/getting-started", None),
        ("/deletions", None),
        ("/addresses", None),
        ("/setup", None),
        ("/add-ons", None),
        ("/list", None),
        ("/users/list", None),
        ("/users/{id}/activate", None),
        ("/orders/{id}/cancel", None),
        ("/v1/{name}:undelete", None),
        ("/users/{getUser}", None),
    ],
)
def test_verb_in_path(path: str, expected: tuple[str, str] | None) -> None:
    found = verb_in_path(path)
    actual = (found.verb, resource_route(path, found)) if found else None
    assert actual == expected


FASTAPI = (
    "from fastapi import APIRouter, FastAPI\n"
    "\n"
    "app = FastAPI()\n"
    'router = APIRouter(prefix="/api/fetchData")\n'  # 4
    "\n"
    '@app.get("/getUser/{user_id}")\n'  # 6
    "async def get_user(user_id: int) -> dict:\n"
    '    return {"id": user_id}\n'
    "\n"
    "@router.post(\n"
    '    "/createOrder",\n'  # 11
    "    status_code=201,\n"
    ")\n"
    "async def create_order() -> dict:\n"
    "    return {}\n"
    "\n"
    '@router.get("/orders/{order_id}")\n'
    "async def order(order_id: int) -> dict:\n"
    "    return {}\n"
    '@app.api_route("/remove_item", methods=["POST"])\n'  # 20
    "async def remove() -> None: ...\n"
    'app.add_api_route("/do-things", remove)\n'  # 22
)


def test_fastapi_routes() -> None:
    findings = review_new("app/api/users.py", FASTAPI, "api-verb-in-path")
    assert flagged(findings) == [4, 6, 11, 20]
    by_line = {f.line: f for f in findings}
    assert by_line[6].title == "Verb `get` in new route path `/getUser/{user_id}`"
    assert "`GET /user/{user_id}`" in by_line[6].body
    assert "`POST /orders`" in by_line[11].body
    assert "`DELETE /item`" in by_line[20].body
    assert by_line[6].severity.value == "low" and by_line[6].category.value == "api-design"


def test_flask_routes_but_not_html_views() -> None:
    code = (
        "from flask import Blueprint, Flask, jsonify, redirect, render_template\n"
        "\n"
        "app = Flask(__name__)\n"
        'bp = Blueprint("admin", __name__, url_prefix="/admin/getStuff")\n'  # 4
        "\n"
        '@app.route("/users/delete/<int:user_id>", methods=["POST"])\n'  # 6
        "def delete_user(user_id):\n"
        "    return jsonify(deleted=user_id)\n"
        "\n"
        '@bp.get("/fetch_items")\n'  # 10
        "def items():\n"
        "    return jsonify([])\n"
        "\n"
        '@app.route("/posts/<int:post_id>/delete", methods=["POST"])\n'
        "def delete_post(post_id):\n"
        '    return redirect("/posts")\n'
        "\n"
        '@app.route("/posts/create")\n'
        "def new_post():\n"
        '    return render_template("create.html")\n'
        'app.add_url_rule("/updateUser", view_func=new_post)\n'  # 21
        '@app.route("/settings")\n'
        "def settings():\n"
        "    return jsonify({})\n"
    )
    findings = review_new("app/views.py", code, "api-verb-in-path")
    assert flagged(findings) == [4, 6, 10, 21]
    by_line = {f.line: f for f in findings}
    assert "`DELETE /users/<int:user_id>`" in by_line[6].body


@pytest.mark.parametrize("path", ["src/routes/orders.js", "src/routes/orders.ts"])
def test_express_routes(path: str) -> None:
    code = (
        "const express = require('express');\n"
        "const axios = require('axios');\n"
        "const router = express.Router();\n"
        "router.post('/createOrder', async (req, res) => res.status(201).json({}));\n"  # 4
        "router.get(`/api/v1/getUser/${version}`, auth, getUser);\n"  # 5
        "app.route('/updateOrder').put(updateOrder);\n"  # 6
        "app.use('/deleteStuff', adminRouter);\n"  # 7
        "router.delete('/orders/:id', removeOrder);\n"
        "router.get('/orders/:id/edit-form', (req, res) => res.render('edit'));\n"
        "router.get('/getting-started', (req, res) => res.json({}));\n"
        "app.get('env');\n"
        "app.set('title', 'x');\n"
        "axios.post('/createUser', payload);\n"
        "http.get('/getUser', (res) => {});\n"
        "cache.get('/getUser');\n"
    )
    findings = review_new(path, code, "api-verb-in-path")
    assert flagged(findings) == [4, 5, 6, 7]
    by_line = {f.line: f for f in findings}
    assert by_line[4].title == "Verb `create` in new route path `/createOrder`"
    assert "`POST /orders`" in by_line[4].body


def test_nestjs_decorators() -> None:
    code = (
        "import { Controller, Delete, Get } from '@nestjs/common';\n"
        "@Controller('users')\n"
        "export class UsersController {\n"
        "  @Get('getAll')\n"  # 4
        "  all() { return []; }\n"
        "  @Delete(':id')\n"
        "  remove() {}\n"
        "  @Get('removeUser/:id')\n"  # 8
        "  bad() {}\n"
        "}\n"
    )
    findings = review_new("src/users/users.controller.ts", code, "api-verb-in-path")
    assert flagged(findings) == [4, 8]
    assert "It is registered for `GET`" in {f.line: f for f in findings}[8].body


ROUTES_OLD = (
    "from fastapi import FastAPI\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    '@app.get("/getUser/{user_id}")\n'
    "async def get_user(user_id: int) -> dict:\n"
    '    return {"id": user_id}\n'
)


def test_python_routes_in_a_diff_ignore_old_verb_routes_in_context() -> None:
    new = ROUTES_OLD + (
        "\n"
        '@app.get("/users")\n'  # 9
        "async def users() -> list:\n"
        "    return []\n"
        "\n"
        '@app.post("/deleteUser/{user_id}")\n'  # 13
        "async def delete_user(user_id: int) -> None:\n"
        "    return None\n"
    )
    findings = review_change("app/api/users.py", ROUTES_OLD, new, "api-verb-in-path")
    assert flagged(findings) == [13]
    assert "`DELETE /user/{user_id}`" in findings[0].body


def test_express_routes_in_a_diff_ignore_old_verb_routes_in_context() -> None:
    old = (
        "const express = require('express');\n"
        "const router = express.Router();\n"
        "router.get('/getUser/:id', getUser);\n"
        "module.exports = router;\n"
    )
    new = old.replace(
        "module.exports = router;\n",
        "router.get('/users/:id', getUser);\nrouter.post('/users/update/:id', update);\n"
        "module.exports = router;\n",
    )
    findings = review_change("src/routes/users.js", old, new, "api-verb-in-path")
    assert flagged(findings) == [5]
    assert "`PATCH /users/:id`" in findings[0].body


def test_every_ast_grep_rule_is_registered_with_cases() -> None:
    for rule_id in AST_GREP_RULES:
        assert rule_id in registry().declared
        positive, negative = fixture_cases(rule_id)
        assert positive and negative
