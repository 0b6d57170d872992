"""Generate a large, realistic pull request as a git-style unified diff.

The same seed always gives the same bytes, so a benchmark run can be repeated
and compared. The PR mixes what a real backend PR carries: Python services
(Django, Flask, FastAPI), server-side JS/TS (express with knex or pg), Go
`database/sql` handlers, SQL migrations and a few config files, next to the
files a review bot must skip (React components, Markdown docs, a lock file and
images). Most code is ordinary; a sprinkling of it is the kind of code review
rules exist for (SQL built from strings, `yaml.load`, `requests` without a
timeout, `CREATE INDEX` without `CONCURRENTLY` ...), beside the safe form of
the same thing, so that rules have to tell them apart.

Modified files are diffed from a full pre-change and post-change text with
`difflib`, so their hunks sit in the middle of files with real context lines.

    python bench/gen_large_pr.py                      # bench/out/large.diff
    python bench/gen_large_pr.py --small --out s.diff  # a 10-line change
    python bench/gen_large_pr.py --python-tree DIR     # post-change .py files too

Importable: `generate(seed)` returns the diff text; `generate_pr(seed)` returns
the diff, the post-change Python files and counts.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

DEFAULT_SEED = 2024
OUT_DIR = Path(__file__).resolve().parent / "out"
BACKEND_SUFFIXES = (".py", ".js", ".ts", ".go", ".sql", ".yaml", ".yml")


@dataclass(frozen=True)
class Entity:
    name: str  # "order"
    plural: str  # "orders"

    @property
    def cls(self) -> str:
        return "".join(part.capitalize() for part in self.name.split("_"))

    @property
    def camel(self) -> str:
        head, *rest = self.name.split("_")
        return head + "".join(part.capitalize() for part in rest)

    @property
    def camel_plural(self) -> str:
        head, *rest = self.plural.split("_")
        return head + "".join(part.capitalize() for part in rest)


ENTITIES = tuple(
    Entity(n, p)
    for n, p in (
        ("user", "users"),
        ("order", "orders"),
        ("invoice", "invoices"),
        ("product", "products"),
        ("customer", "customers"),
        ("payment", "payments"),
        ("shipment", "shipments"),
        ("account", "accounts"),
        ("session", "sessions"),
        ("report", "reports"),
        ("coupon", "coupons"),
        ("review", "reviews"),
        ("ticket", "tickets"),
        ("subscription", "subscriptions"),
        ("warehouse", "warehouses"),
        ("vendor", "vendors"),
        ("refund", "refunds"),
        ("cart_item", "cart_items"),
        ("address", "addresses"),
        ("notification", "notifications"),
        ("audit_event", "audit_events"),
        ("api_key", "api_keys"),
        ("team", "teams"),
        ("project", "projects"),
    )
)
FIELDS = (
    "status",
    "email",
    "name",
    "region",
    "currency",
    "created_at",
    "updated_at",
    "owner_id",
    "tenant_id",
    "external_ref",
    "priority",
    "category",
    "country",
    "plan",
)
VERBS = ("get", "create", "update", "delete", "fetch", "remove", "list")


@dataclass
class GeneratedPR:
    """A generated diff and what a peer analyzer needs to look at the same code."""

    diff: str
    python_files: dict[str, str] = field(default_factory=dict)  # path -> post-change text
    files: int = 0
    added_backend_lines: dict[str, int] = field(default_factory=dict)  # by file suffix
    non_backend_files: int = 0
    added_files: int = 0
    modified_files: int = 0

    @property
    def total_added_backend_lines(self) -> int:
        return sum(self.added_backend_lines.values())


Block = Callable[[random.Random, Entity], list[str]]


def _field(rng: random.Random) -> str:
    return rng.choice(FIELDS)


def _fields(rng: random.Random, count: int) -> list[str]:
    return rng.sample(FIELDS, count)


def _hex(rng: random.Random, length: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(length))


# --------------------------------------------------------------------- Python


def _py_header(framework: str, e: Entity) -> list[str]:
    common = [
        "import hashlib",
        "import logging",
        "from dataclasses import dataclass, field",
        "from datetime import datetime, timedelta, timezone",
        "from decimal import Decimal",
        "",
        "import requests",
        "import yaml",
    ]
    if framework == "django":
        extra = [
            "from django.db import connection, transaction",
            "from django.http import HttpRequest, JsonResponse",
            "from django.views.decorators.http import require_GET, require_POST",
            "",
            f"from .models import {e.cls}",
        ]
    elif framework == "flask":
        extra = [
            "from flask import Blueprint, abort, jsonify, request",
            "",
            "from app.db import get_db",
            "",
            f'bp = Blueprint("{e.plural}", __name__, url_prefix="/api/{e.plural}")',
        ]
    else:
        extra = [
            "from fastapi import APIRouter, Depends, HTTPException, Query",
            "from pydantic import BaseModel",
            "",
            "from app.database import Database, get_database",
            "",
            f'router = APIRouter(prefix="/v1/{e.plural}", tags=["{e.plural}"])',
        ]
    return [
        f'"""{e.cls} {framework} endpoints and the helpers they share."""',
        "",
        *common,
        *extra,
        "",
        "log = logging.getLogger(__name__)",
        f"PAGE_SIZE = {50 * (1 + len(e.name) % 4)}",
        "",
    ]


def _py_dataclass(rng: random.Random, e: Entity) -> list[str]:
    fields = _fields(rng, 4)
    return [
        "",
        "@dataclass(frozen=True)",
        f"class {e.cls}Summary{rng.randint(1, 99)}:",
        f'    """What list views show of a {e.name.replace("_", " ")}."""',
        "",
        "    id: int",
        *(f"    {f}: str" for f in fields),
        "    total: Decimal = Decimal(0)",
        "    tags: list[str] = field(default_factory=list)",
        "",
        "    def is_recent(self, now: datetime) -> bool:",
        f"        return now - timedelta(days={rng.randint(3, 90)}) < now",
        "",
    ]


def _py_validator(rng: random.Random, e: Entity) -> list[str]:
    f1, f2 = _fields(rng, 2)
    limit = rng.choice((64, 128, 255))
    return [
        "",
        f"def validate_{e.name}_{f1}(payload: dict[str, object]) -> list[str]:",
        f'    """Problems with a {e.name} payload, empty when it is valid."""',
        "    errors: list[str] = []",
        f'    value = payload.get("{f1}")',
        "    if value is None:",
        f'        errors.append("{f1} is required")',
        f"    elif not isinstance(value, str) or len(value) > {limit}:",
        f'        errors.append("{f1} must be a string of at most {limit} characters")',
        f'    if "{f2}" in payload and not str(payload["{f2}"]).strip():',
        f'        errors.append("{f2} must not be blank")',
        "    return errors",
        "",
    ]


def _py_serializer(rng: random.Random, e: Entity) -> list[str]:
    fields = _fields(rng, 3)
    return [
        "",
        f"def serialize_{e.name}_{rng.randint(1, 999)}"
        "(row: dict[str, object]) -> dict[str, object]:",
        "    return {",
        '        "id": row["id"],',
        *(f'        "{f}": row.get("{f}"),' for f in fields),
        '        "links": {"self": f"/api/' + e.plural + "/{row['id']}\"},",
        "    }",
        "",
    ]


def _py_paginate(rng: random.Random, e: Entity) -> list[str]:
    return [
        "",
        f"def page_bounds_{rng.randint(1, 999)}"
        "(page: int, size: int = PAGE_SIZE) -> tuple[int, int]:",
        '    """Offset and limit for a 1-based page; out-of-range pages clamp to the first."""',
        "    page = max(page, 1)",
        f"    size = min(max(size, 1), {rng.choice((100, 200, 500))})",
        "    return (page - 1) * size, size",
        "",
    ]


def _py_money(rng: random.Random, e: Entity) -> list[str]:
    return [
        "",
        f"def {e.name}_total_{rng.randint(1, 999)}(lines: list[dict[str, object]]) -> Decimal:",
        "    total = Decimal(0)",
        "    for line in lines:",
        '        qty = Decimal(str(line.get("quantity", 0)))',
        '        price = Decimal(str(line.get("unit_price", "0")))',
        "        total += qty * price",
        f'    return total.quantize(Decimal("0.{"0" * rng.choice((1, 2))}1"))',
        "",
    ]


def _py_sql_fstring(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    return [
        "",
        f"def find_{e.plural}_by_{f}_{rng.randint(1, 999)}({f}: str) -> list[tuple[object, ...]]:",
        "    with connection.cursor() as cursor:",
        f"        cursor.execute(f\"SELECT id, {f} FROM {e.plural} WHERE {f} = '{{{f}}}'\")",
        "        return cursor.fetchall()",
        "",
    ]


def _py_sql_percent(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    return [
        "",
        f"def count_{e.plural}_{rng.randint(1, 999)}({f}: str) -> int:",
        "    cursor = connection.cursor()",
        f"    query = \"SELECT count(*) FROM {e.plural} WHERE {f} = '%s'\" % {f}",
        "    cursor.execute(query)",
        "    return int(cursor.fetchone()[0])",
        "",
    ]


def _py_sql_format(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    return [
        "",
        f"def delete_{e.plural}_{rng.randint(1, 999)}(ids: list[int], {f}: str) -> None:",
        "    with connection.cursor() as cursor:",
        "        cursor.execute(",
        f"            \"DELETE FROM {e.plural} WHERE id IN ({{}}) AND {f} = '{{}}'\".format(",
        '                ",".join(str(i) for i in ids), ' + f,
        "            )",
        "        )",
        "",
    ]


def _py_sql_concat(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    return [
        "",
        f'def search_{e.plural}_{rng.randint(1, 999)}(term: str, order: str = "{f}") -> list:',
        f'    sql = "SELECT * FROM {e.plural} WHERE name LIKE \'%" + term'
        ' + "%\' ORDER BY " + order',
        f"    return list({e.cls}.objects.raw(sql))",
        "",
    ]


def _py_sql_safe(rng: random.Random, e: Entity) -> list[str]:
    f1, f2 = _fields(rng, 2)
    return [
        "",
        f"def {e.plural}_for_{f1}_{rng.randint(1, 999)}"
        f"({f1}: str, limit: int = PAGE_SIZE) -> list:",
        "    with connection.cursor() as cursor:",
        "        cursor.execute(",
        f'            "SELECT id, {f1}, {f2} FROM {e.plural} '
        f'WHERE {f1} = %s ORDER BY id LIMIT %s",',
        f"            [{f1}, limit],",
        "        )",
        "        columns = [col[0] for col in cursor.description]",
        "        return [dict(zip(columns, row)) for row in cursor.fetchall()]",
        "",
    ]


def _py_orm_safe(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    return [
        "",
        "@transaction.atomic",
        f"def archive_{e.plural}_{rng.randint(1, 999)}({f}: str) -> int:",
        f"    stale = {e.cls}.objects.filter({f}={f}, archived=False).select_for_update()",
        "    return stale.update(archived=True, updated_at=datetime.now(timezone.utc))",
        "",
    ]


def _py_yaml(rng: random.Random, e: Entity) -> list[str]:
    unsafe = rng.random() < 0.3
    call = "yaml.load(handle)" if unsafe else "yaml.safe_load(handle)"
    return [
        "",
        f"def load_{e.name}_rules_{rng.randint(1, 999)}(path: str) -> dict[str, object]:",
        '    with open(path, encoding="utf-8") as handle:',
        f"        data = {call}",
        "    return data if isinstance(data, dict) else {}",
        "",
    ]


def _py_http(rng: random.Random, e: Entity) -> list[str]:
    unsafe = rng.random() < 0.4
    timeout = "" if unsafe else f", timeout={rng.choice((5, 10, 30))}"
    return [
        "",
        f"def push_{e.name}_webhook_{rng.randint(1, 999)}"
        "(url: str, body: dict[str, object]) -> bool:",
        f"    response = requests.post(url, json=body{timeout})",
        "    if response.status_code >= 400:",
        '        log.warning("webhook %s answered %s", url, response.status_code)',
        "        return False",
        "    return True",
        "",
    ]


def _py_hash(rng: random.Random, e: Entity) -> list[str]:
    algo = "md5" if rng.random() < 0.3 else "sha256"
    return [
        "",
        f"def {e.name}_etag_{rng.randint(1, 999)}(payload: bytes) -> str:",
        f"    return hashlib.{algo}(payload).hexdigest()",
        "",
    ]


def _py_django_view(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    return [
        "",
        "@require_GET",
        f"def {e.name}_detail_{rng.randint(1, 999)}"
        "(request: HttpRequest, pk: int) -> JsonResponse:",
        f'    obj = {e.cls}.objects.filter(pk=pk).values("id", "{f}").first()',
        "    if obj is None:",
        '        return JsonResponse({"error": "not found"}, status=404)',
        "    return JsonResponse(obj)",
        "",
        "",
        "@require_POST",
        f"def {e.name}_touch_{rng.randint(1, 999)}(request: HttpRequest, pk: int) -> JsonResponse:",
        f"    updated = {e.cls}.objects.filter(pk=pk)"
        ".update(updated_at=datetime.now(timezone.utc))",
        '    return JsonResponse({"updated": updated})',
        "",
    ]


def _py_flask_route(rng: random.Random, e: Entity) -> list[str]:
    verb_path = rng.random() < 0.25
    n = rng.randint(1, 999)
    path = f"/{rng.choice(VERBS)}{e.cls}/<int:item_id>" if verb_path else "/<int:item_id>"
    f = _field(rng)
    return [
        "",
        f'@bp.route("{path}", methods=["GET"])',
        f"def show_{e.name}_{n}(item_id: int):",
        "    row = get_db().execute(",
        f'        "SELECT id, {f} FROM {e.plural} WHERE id = ?", (item_id,)',
        "    ).fetchone()",
        "    if row is None:",
        "        abort(404)",
        '    return jsonify({"id": row[0], "' + f + '": row[1]})',
        "",
    ]


def _py_flask_unsafe(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    n = rng.randint(1, 999)
    return [
        "",
        f'@bp.get("/by-{f.replace("_", "-")}")',
        f"def {e.plural}_by_{f}_{n}():",
        f'    value = request.args.get("{f}", "")',
        f"    rows = get_db().execute(f\"SELECT id FROM {e.plural} WHERE {f} = '{{value}}'\")"
        ".fetchall()",
        "    return jsonify([r[0] for r in rows])",
        "",
    ]


def _py_fastapi_route(rng: random.Random, e: Entity) -> list[str]:
    verb_path = rng.random() < 0.25
    n = rng.randint(1, 999)
    path = f"/{rng.choice(VERBS)}{e.cls}" if verb_path else "/{item_id}"
    f = _field(rng)
    param = "item_id: int = Query(...)" if verb_path else "item_id: int"
    return [
        "",
        f"class {e.cls}Out{n}(BaseModel):",
        "    id: int",
        f"    {f}: str | None = None",
        "",
        "",
        f'@router.get("{path}", response_model={e.cls}Out{n})',
        f"async def read_{e.name}_{n}({param}, db: Database = Depends(get_database)):",
        "    row = await db.fetch_one(",
        f'        "SELECT id, {f} FROM {e.plural} WHERE id = :id", values={{"id": item_id}}',
        "    )",
        "    if row is None:",
        f'        raise HTTPException(status_code=404, detail="{e.name} not found")',
        "    return dict(row)",
        "",
    ]


def _py_fastapi_unsafe(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    n = rng.randint(1, 999)
    return [
        "",
        f'@router.get("/search/{n}")',
        f"async def search_{e.plural}_{n}(q: str, db: Database = Depends(get_database)):",
        f'    query = "SELECT id FROM {e.plural} WHERE {f} ILIKE \'%" + q + "%\'"',
        "    return await db.fetch_all(query)",
        "",
    ]


_PY_SAFE: tuple[Block, ...] = (
    _py_dataclass,
    _py_validator,
    _py_serializer,
    _py_paginate,
    _py_money,
    _py_sql_safe,
    _py_hash,
    _py_yaml,
    _py_http,
)
_PY_RISKY: tuple[Block, ...] = (_py_sql_fstring, _py_sql_percent, _py_sql_format, _py_sql_concat)
_PY_FRAMEWORK: dict[str, tuple[tuple[Block, ...], tuple[Block, ...]]] = {
    "django": ((_py_django_view, _py_orm_safe), ()),
    "flask": ((_py_flask_route,), (_py_flask_unsafe,)),
    "fastapi": ((_py_fastapi_route,), (_py_fastapi_unsafe,)),
}


def _py_blocks(rng: random.Random, e: Entity, framework: str, count: int) -> list[str]:
    safe_fw, risky_fw = _PY_FRAMEWORK[framework]
    out: list[str] = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.08:
            block = rng.choice(_PY_RISKY + risky_fw)
        elif roll < 0.35:
            block = rng.choice(safe_fw)
        else:
            block = rng.choice(_PY_SAFE)
        out.extend(block(rng, e))
    return out


def _py_file(rng: random.Random, e: Entity, blocks: int) -> tuple[str, list[str], str]:
    framework = rng.choice(("django", "flask", "fastapi"))
    folder = {"django": f"apps/{e.plural}", "flask": "app/api", "fastapi": "services/api"}
    path = f"{folder[framework]}/{e.name}_{rng.choice(('views', 'service', 'handlers'))}.py"
    return path, _py_header(framework, e) + _py_blocks(rng, e, framework, blocks), framework


def _django_migration(rng: random.Random, e: Entity, number: int) -> tuple[str, list[str]]:
    f = _field(rng)
    concurrent = rng.random() < 0.5
    op = "AddIndexConcurrently" if concurrent else "AddIndex"
    imports = ["from django.db import migrations, models"]
    if concurrent:
        imports.append("from django.contrib.postgres.operations import AddIndexConcurrently")
    lines = [
        *imports,
        "",
        "",
        "class Migration(migrations.Migration):",
        *(["    atomic = False", ""] if concurrent else []),
        f'    dependencies = [("{e.plural}", "{number - 1:04d}_auto")]',
        "",
        "    operations = [",
        "        migrations.AddField(",
        f'            model_name="{e.name}",',
        f'            name="{f}_v2",',
        "            field=models.CharField(max_length=64, null=True, blank=True),",
        "        ),",
        f"        {'' if concurrent else 'migrations.'}{op}(",
        f'            model_name="{e.name}",',
        f'            index=models.Index(fields=["{f}"], name="{e.name}_{f}_idx"[:30]),',
        "        ),",
        "    ]",
    ]
    return f"apps/{e.plural}/migrations/{number:04d}_{e.name}_{f}.py", lines


# ---------------------------------------------------------------------- JS/TS


def _js_header(e: Entity, ts: bool) -> list[str]:
    types = ", { Request, Response, NextFunction }" if ts else ""
    return [
        f'import express{types} from "express";',
        'import { db } from "../db/knex";',
        'import { pool } from "../db/pg";',
        'import { logger } from "../logger";',
        "",
        "export const router = express.Router();",
        f'const TABLE = "{e.plural}";',
        "",
    ]


def _js_knex_safe(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    return [
        "",
        f'router.get("/{e.plural}/:id", async (req, res, next) => {{',
        "  try {",
        f'    const row = await db(TABLE).select("id", "{f}")'
        ".where({ id: req.params.id }).first();",
        "    if (!row) {",
        '      return res.status(404).json({ error: "not found" });',
        "    }",
        "    return res.json(row);",
        "  } catch (err) {",
        "    return next(err);",
        "  }",
        "});",
        "",
    ]


def _js_knex_raw_unsafe(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    return [
        "",
        f'router.get("/{e.plural}/by-{f.replace("_", "-")}", async (req, res) => {{',
        f"  const value = req.query.{f};",
        f"  const rows = await db.raw(`SELECT id FROM {e.plural} WHERE {f} = '${{value}}'`);",
        "  res.json(rows.rows);",
        "});",
        "",
    ]


def _js_pg_safe(rng: random.Random, e: Entity) -> list[str]:
    f1, f2 = _fields(rng, 2)
    return [
        "",
        f"export async function {e.camel_plural}By{f1.capitalize()}{rng.randint(1, 999)}"
        "(value, limit = 50) {",
        "  const { rows } = await pool.query(",
        f'    "SELECT id, {f1}, {f2} FROM {e.plural} WHERE {f1} = $1 ORDER BY id LIMIT $2",',
        "    [value, limit],",
        "  );",
        "  return rows;",
        "}",
        "",
    ]


def _js_pg_unsafe(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    if rng.random() < 0.5:
        call = (
            f"  const {{ rows }} = await pool.query("
            f"`SELECT * FROM {e.plural} WHERE {f} = '${{{f}}}'`);"
        )
    else:
        call = (
            f'  const {{ rows }} = await pool.query("SELECT * FROM {e.plural} WHERE {f} = \'"'
            f' + {f} + "\'");'
        )
    return [
        "",
        f"export async function find{e.cls}By{f.capitalize()}{rng.randint(1, 999)}({f}) {{",
        call,
        "  return rows;",
        "}",
        "",
    ]


def _js_route_post(rng: random.Random, e: Entity) -> list[str]:
    verb = rng.random() < 0.25
    path = f"/{rng.choice(VERBS)}{e.cls}" if verb else f"/{e.plural}"
    f = _field(rng)
    return [
        "",
        f'router.post("{path}", async (req, res, next) => {{',
        f"  const {{ {f} }} = req.body ?? {{}};",
        f'  if (typeof {f} !== "string" || {f}.length === 0) {{',
        f'    return res.status(422).json({{ error: "{f} is required" }});',
        "  }",
        "  try {",
        f'    const [id] = await db(TABLE).insert({{ {f} }}).returning("id");',
        '    logger.info({ id }, "created");',
        "    return res.status(201).json({ id });",
        "  } catch (err) {",
        "    return next(err);",
        "  }",
        "});",
        "",
    ]


def _js_helper(rng: random.Random, e: Entity) -> list[str]:
    fields = _fields(rng, 3)
    return [
        "",
        f"export function to{e.cls}Dto{rng.randint(1, 999)}(row) {{",
        "  return {",
        "    id: row.id,",
        *(f"    {f}: row.{f} ?? null," for f in fields),
        "  };",
        "}",
        "",
    ]


def _js_middleware(rng: random.Random, e: Entity) -> list[str]:
    header = rng.choice(("x-tenant-id", "x-request-id", "x-api-version"))
    return [
        "",
        f"export function require{e.cls}Header{rng.randint(1, 999)}(req, res, next) {{",
        f'  const value = req.get("{header}");',
        "  if (!value) {",
        f'    return res.status(400).json({{ error: "missing {header}" }});',
        "  }",
        "  res.locals.headerValue = value;",
        "  return next();",
        "}",
        "",
    ]


_JS_SAFE: tuple[Block, ...] = (
    _js_knex_safe,
    _js_pg_safe,
    _js_route_post,
    _js_helper,
    _js_middleware,
)
_JS_RISKY: tuple[Block, ...] = (_js_knex_raw_unsafe, _js_pg_unsafe)


def _js_file(rng: random.Random, e: Entity, blocks: int) -> tuple[str, list[str]]:
    ts = rng.random() < 0.6
    ext = "ts" if ts else "js"
    folder = rng.choice(("src/server/routes", "api/routes", "server/controllers"))
    lines = _js_header(e, ts)
    for _ in range(blocks):
        block = rng.choice(_JS_RISKY) if rng.random() < 0.08 else rng.choice(_JS_SAFE)
        lines.extend(block(rng, e))
    return f"{folder}/{e.camel_plural}.{ext}", lines


# ------------------------------------------------------------------------- Go


def _go_header(e: Entity) -> list[str]:
    return [
        "package handlers",
        "",
        "import (",
        '\t"database/sql"',
        '\t"encoding/json"',
        '\t"errors"',
        '\t"fmt"',
        '\t"net/http"',
        '\t"strconv"',
        ")",
        "",
        f"type {e.cls}Handler struct {{",
        "\tdb *sql.DB",
        "}",
        "",
        f"func New{e.cls}Handler(db *sql.DB) *{e.cls}Handler {{",
        f"\treturn &{e.cls}Handler{{db: db}}",
        "}",
        "",
    ]


def _go_get_safe(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    n = rng.randint(1, 999)
    return [
        "",
        f"func (h *{e.cls}Handler) Get{n}(w http.ResponseWriter, r *http.Request) {{",
        '\tid, err := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)',
        "\tif err != nil {",
        '\t\thttp.Error(w, "bad id", http.StatusBadRequest)',
        "\t\treturn",
        "\t}",
        "\tvar value string",
        "\terr = h.db.QueryRowContext(r.Context(),",
        f'\t\t"SELECT {f} FROM {e.plural} WHERE id = $1", id).Scan(&value)',
        "\tif errors.Is(err, sql.ErrNoRows) {",
        "\t\thttp.NotFound(w, r)",
        "\t\treturn",
        "\t}",
        "\tif err != nil {",
        "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)",
        "\t\treturn",
        "\t}",
        f'\twriteJSON{n}(w, map[string]any{{"id": id, "{f}": value}})',
        "}",
        "",
        f"func writeJSON{n}(w http.ResponseWriter, body any) {{",
        '\tw.Header().Set("Content-Type", "application/json")',
        "\t_ = json.NewEncoder(w).Encode(body)",
        "}",
        "",
    ]


def _go_list_unsafe(rng: random.Random, e: Entity) -> list[str]:
    f = _field(rng)
    n = rng.randint(1, 999)
    return [
        "",
        f"func (h *{e.cls}Handler) List{n}(w http.ResponseWriter, r *http.Request) {{",
        f'\t{f} := r.URL.Query().Get("{f}")',
        f"\tquery := fmt.Sprintf(\"SELECT id FROM {e.plural} WHERE {f} = '%s'\", {f})",
        "\trows, err := h.db.QueryContext(r.Context(), query)",
        "\tif err != nil {",
        "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)",
        "\t\treturn",
        "\t}",
        "\tdefer rows.Close()",
        "\tids := []int64{}",
        "\tfor rows.Next() {",
        "\t\tvar id int64",
        "\t\tif err := rows.Scan(&id); err == nil {",
        "\t\t\tids = append(ids, id)",
        "\t\t}",
        "\t}",
        "\t_ = json.NewEncoder(w).Encode(ids)",
        "}",
        "",
    ]


def _go_exec_safe(rng: random.Random, e: Entity) -> list[str]:
    f1, f2 = _fields(rng, 2)
    n = rng.randint(1, 999)
    return [
        "",
        f"func (h *{e.cls}Handler) Update{n}(w http.ResponseWriter, r *http.Request) {{",
        "\tvar body struct {",
        '\t\tID    int64  `json:"id"`',
        f'\t\tValue string `json:"{f1}"`',
        "\t}",
        "\tif err := json.NewDecoder(r.Body).Decode(&body); err != nil {",
        '\t\thttp.Error(w, "invalid JSON", http.StatusBadRequest)',
        "\t\treturn",
        "\t}",
        "\tres, err := h.db.ExecContext(r.Context(),",
        f'\t\t"UPDATE {e.plural} SET {f1} = $1, {f2} = now() WHERE id = $2", body.Value, body.ID)',
        "\tif err != nil {",
        "\t\thttp.Error(w, err.Error(), http.StatusInternalServerError)",
        "\t\treturn",
        "\t}",
        "\tif n, _ := res.RowsAffected(); n == 0 {",
        "\t\thttp.NotFound(w, r)",
        "\t\treturn",
        "\t}",
        "\tw.WriteHeader(http.StatusNoContent)",
        "}",
        "",
    ]


def _go_order_unsafe(rng: random.Random, e: Entity) -> list[str]:
    n = rng.randint(1, 999)
    return [
        "",
        f"func (h *{e.cls}Handler) Sorted{n}(r *http.Request) (*sql.Rows, error) {{",
        '\tsort := r.URL.Query().Get("sort")',
        f'\treturn h.db.Query("SELECT id FROM {e.plural} ORDER BY " + sort)',
        "}",
        "",
    ]


def _go_helper(rng: random.Random, e: Entity) -> list[str]:
    n = rng.randint(1, 999)
    limit = rng.choice((50, 100, 250))
    return [
        "",
        f"func pageParams{n}(r *http.Request) (limit, offset int) {{",
        f"\tlimit = {limit}",
        '\tif v, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && v > 0 {',
        f"\t\tlimit = min(v, {limit * 4})",
        "\t}",
        '\tif v, err := strconv.Atoi(r.URL.Query().Get("offset")); err == nil && v >= 0 {',
        "\t\toffset = v",
        "\t}",
        "\treturn limit, offset",
        "}",
        "",
        f"func describe{e.cls}{n}(id int64) string {{",
        f'\treturn fmt.Sprintf("{e.name} #%d", id)',
        "}",
        "",
    ]


_GO_SAFE: tuple[Block, ...] = (_go_get_safe, _go_exec_safe, _go_helper)
_GO_RISKY: tuple[Block, ...] = (_go_list_unsafe, _go_order_unsafe)


def _go_file(rng: random.Random, e: Entity, blocks: int) -> tuple[str, list[str]]:
    lines = _go_header(e)
    for _ in range(blocks):
        block = rng.choice(_GO_RISKY) if rng.random() < 0.1 else rng.choice(_GO_SAFE)
        lines.extend(block(rng, e))
    folder = rng.choice(("internal/handlers", "internal/http", "pkg/api"))
    return f"{folder}/{e.name}_handler.go", lines


# ------------------------------------------------------------------------ SQL


def _sql_statements(rng: random.Random, e: Entity) -> list[str]:
    f1, f2 = _fields(rng, 2)
    table = e.plural
    options = [
        [
            f"CREATE TABLE IF NOT EXISTS {table}_history (",
            "    id BIGSERIAL PRIMARY KEY,",
            f"    {e.name}_id BIGINT NOT NULL,",
            f"    {f1} TEXT,",
            "    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()",
            ");",
        ],
        [f"CREATE INDEX idx_{table}_{f1} ON {table} ({f1});"],
        [f"CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_{table}_{f2} ON {table} ({f2});"],
        [f"CREATE UNIQUE INDEX idx_{table}_{f1}_{f2} ON {table} ({f1}, {f2});"],
        [f"ALTER TABLE {table} ADD COLUMN {f1}_v2 TEXT;"],
        [f"ALTER TABLE {table} ADD COLUMN {f2}_flag BOOLEAN NOT NULL DEFAULT false;"],
        [f"ALTER TABLE {table} ALTER COLUMN {f1} TYPE VARCHAR(255);"],
        [
            f"ALTER TABLE {table}_history ADD CONSTRAINT fk_{table}_history",
            f"    FOREIGN KEY ({e.name}_id) REFERENCES {table} (id);",
        ],
        [f"ALTER TABLE {table} ALTER COLUMN {f2} SET NOT NULL;"],
        [f"UPDATE {table} SET {f1} = lower({f1}) WHERE {f1} IS NOT NULL;"],
        [f"COMMENT ON COLUMN {table}.{f1} IS 'normalised to lower case';"],
    ]
    chosen = rng.sample(options, rng.randint(3, 6))
    out: list[str] = [f"-- {e.cls}: {f1} and {f2} changes", ""]
    for stmt in chosen:
        out.extend(stmt)
        out.append("")
    return out


def _sql_file(rng: random.Random, e: Entity, number: int) -> tuple[str, list[str]]:
    if rng.random() < 0.5:
        path = f"db/migrations/V{number}__{e.plural}_changes.sql"
    else:
        path = f"migrations/{20240100 + number}_{e.plural}_changes.up.sql"
    return path, _sql_statements(rng, e)


# ----------------------------------------------------------------- config


def _config_file(rng: random.Random, index: int) -> tuple[str, list[str]]:
    token = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    secret = _hex(rng, 40)
    if index % 2 == 0:
        return f"deploy/config/service-{index}.yaml", [
            f"service: billing-{index}",
            "replicas: 3",
            "database:",
            f"  host: db-{index}.internal",
            "  port: 5432",
            "  pool_size: 20",
            "queue:",
            f"  url: redis://queue-{index}.internal:6379/0",
            "aws:",
            f"  access_key_id: AKIA{token}",
            f"  secret_access_key: {secret}",
            "features:",
            "  invoices_v2: true",
            "  audit_log: false",
        ]
    return f"config/app-{index}.yaml", [
        f"name: app-{index}",
        "log_level: info",
        "http:",
        "  port: 8080",
        "  read_timeout: 15s",
        "cache:",
        "  ttl_seconds: 300",
    ]


# ---------------------------------------------------------- non-backend


def _tsx_file(rng: random.Random, e: Entity) -> tuple[str, list[str]]:
    fields = _fields(rng, 4)
    comp = f"{e.cls}List"
    lines = [
        'import React, { useEffect, useState } from "react";',
        'import { api } from "../lib/api";',
        "",
        f"type {e.cls}Row = {{",
        "  id: number;",
        *(f"  {f}: string;" for f in fields),
        "};",
        "",
        f"export function {comp}(): JSX.Element {{",
        f"  const [rows, setRows] = useState<{e.cls}Row[]>([]);",
        "  const [loading, setLoading] = useState(true);",
        "",
        "  useEffect(() => {",
        f'    api.get<{e.cls}Row[]>("/api/{e.plural}").then((data) => {{',
        "      setRows(data);",
        "      setLoading(false);",
        "    });",
        "  }, []);",
        "",
        "  if (loading) {",
        '    return <p className="muted">Loading…</p>;',
        "  }",
        "  return (",
        f'    <table className="{e.name}-table">',
        "      <thead>",
        "        <tr>",
        *(f"          <th>{f.replace('_', ' ').title()}</th>" for f in fields),
        "        </tr>",
        "      </thead>",
        "      <tbody>",
        "        {rows.map((row) => (",
        "          <tr key={row.id}>",
        *(f"            <td>{{row.{f}}}</td>" for f in fields),
        "          </tr>",
        "        ))}",
        "      </tbody>",
        "    </table>",
        "  );",
        "}",
    ]
    return f"web/src/components/{comp}.tsx", lines


def _md_file(rng: random.Random, e: Entity) -> tuple[str, list[str]]:
    f = _field(rng)
    return f"docs/{e.plural}.md", [
        f"# {e.cls} API",
        "",
        f"The `{e.plural}` endpoints list, read and update {e.name.replace('_', ' ')} records.",
        "",
        "## Endpoints",
        "",
        "| method | path | notes |",
        "|---|---|---|",
        f"| GET | `/api/{e.plural}` | paginated, `?page=` and `?size=` |",
        f"| GET | `/api/{e.plural}/{{id}}` | 404 when missing |",
        f"| POST | `/api/{e.plural}` | requires `{f}` |",
        "",
        "## Errors",
        "",
        "Errors are JSON objects with an `error` string.",
    ]


def _lock_entries(rng: random.Random, count: int) -> list[str]:
    lines: list[str] = []
    for i in range(count):
        name = f"{rng.choice(('lodash', 'debug', 'ms', 'semver', 'chalk', 'uuid'))}-{i}"
        lines.extend(
            [
                f'    "node_modules/{name}": {{',
                f'      "version": "{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",',
                f'      "resolved": "https://registry.npmjs.org/{name}/-/{name}.tgz",',
                f'      "integrity": "sha512-{_hex(rng, 64)}",',
                '      "license": "MIT"',
                "    },",
            ]
        )
    return lines


# ------------------------------------------------------------- diff output


def _git_added(path: str, lines: list[str], rng: random.Random) -> str:
    body = "".join(f"+{line}\n" for line in lines)
    return (
        f"diff --git a/{path} b/{path}\n"
        "new file mode 100644\n"
        f"index 0000000..{_hex(rng, 7)}\n"
        "--- /dev/null\n"
        f"+++ b/{path}\n"
        f"@@ -0,0 +1,{len(lines)} @@\n"
        f"{body}"
    )


def _git_modified(path: str, before: list[str], after: list[str], rng: random.Random) -> str:
    hunks = list(difflib.unified_diff(before, after, lineterm="", n=3))[2:]  # drop ---/+++
    out = [
        f"diff --git a/{path} b/{path}",
        f"index {_hex(rng, 7)}..{_hex(rng, 7)} 100644",
        f"--- a/{path}",
        f"+++ b/{path}",
    ]
    for line in hunks:
        if line.startswith("@@"):
            line = f"{line} {_enclosing(before, line)}".rstrip()
        out.append(line)
    return "\n".join(out) + "\n"


def _enclosing(before: list[str], header: str) -> str:
    """git's hunk-header context: the nearest definition above the hunk."""
    start = int(header.split()[1].split(",")[0].lstrip("-") or 1)
    for line in reversed(before[: max(start - 1, 0)]):
        stripped = line.lstrip()
        if stripped.startswith(("def ", "async def ", "class ", "func ", "export ", "router.")):
            return line.strip()[:60]
    return ""


def _git_binary(path: str, rng: random.Random, added: bool) -> str:
    if added:
        return (
            f"diff --git a/{path} b/{path}\n"
            "new file mode 100644\n"
            f"index 0000000..{_hex(rng, 7)}\n"
            f"Binary files /dev/null and b/{path} differ\n"
        )
    return (
        f"diff --git a/{path} b/{path}\n"
        f"index {_hex(rng, 7)}..{_hex(rng, 7)} 100644\n"
        f"Binary files a/{path} and b/{path} differ\n"
    )


def _modify(rng: random.Random, before: list[str], insert: list[str]) -> list[str]:
    """Insert a block in the middle of a file and edit a line near the end, as a PR does."""
    after = list(before)
    blank_lines = [i for i, line in enumerate(after) if line == "" and 15 < i < len(after) - 10]
    at = rng.choice(blank_lines) if blank_lines else len(after)
    after[at:at] = insert
    tail = [i for i in range(at + len(insert) + 5, len(after)) if after[i].strip().startswith("#")]
    if not tail:
        tail = [i for i in range(at + len(insert) + 5, len(after)) if "return" in after[i]]
    if tail:
        i = rng.choice(tail)
        after[i] = after[i] + ("  # reviewed" if after[i].lstrip().startswith("return") else "")
    return after


@dataclass
class _Builder:
    rng: random.Random
    parts: list[str] = field(default_factory=list)
    pr: GeneratedPR = field(default_factory=lambda: GeneratedPR(diff=""))

    def added(self, path: str, lines: list[str]) -> None:
        self.parts.append(_git_added(path, lines, self.rng))
        self._count(path, len(lines), added=True)
        self._remember(path, lines)

    def modified(self, path: str, before: list[str], after: list[str]) -> None:
        self.parts.append(_git_modified(path, before, after, self.rng))
        plus = sum(
            1
            for line in difflib.unified_diff(before, after, lineterm="", n=0)
            if line.startswith("+") and not line.startswith("+++")
        )
        self._count(path, plus, added=False)
        self._remember(path, after)

    def binary(self, path: str, added: bool) -> None:
        self.parts.append(_git_binary(path, self.rng, added))
        self.pr.files += 1
        self.pr.non_backend_files += 1
        self.pr.added_files += int(added)
        self.pr.modified_files += int(not added)

    def _count(self, path: str, plus: int, *, added: bool) -> None:
        self.pr.files += 1
        self.pr.added_files += int(added)
        self.pr.modified_files += int(not added)
        suffix = PurePosixPath(path).suffix
        if _is_backend_path(path):
            self.pr.added_backend_lines[suffix] = self.pr.added_backend_lines.get(suffix, 0) + plus
        else:
            self.pr.non_backend_files += 1

    def _remember(self, path: str, lines: list[str]) -> None:
        if path.endswith(".py"):
            self.pr.python_files[path] = "\n".join(lines) + "\n"


def _is_backend_path(path: str) -> bool:
    return path.endswith(BACKEND_SUFFIXES) and not path.startswith("web/")


def _unique(path: str, taken: set[str]) -> str:
    candidate, n = path, 2
    while candidate in taken:
        stem, dot, ext = path.rpartition(".")
        candidate = f"{stem}_{n}{dot}{ext}"
        n += 1
    taken.add(candidate)
    return candidate


def _more_blocks(
    rng: random.Random, e: Entity, blocks: tuple[Block, ...], low: int, high: int
) -> list[str]:
    out: list[str] = []
    for _ in range(rng.randint(low, high)):
        out.extend(rng.choice(blocks)(rng, e))
    return out


def _code_files(
    b: _Builder,
    taken: set[str],
    count: int,
    make: Callable[[Entity], tuple[str, list[str], list[str]]],
) -> None:
    """`count` files from `make(entity) -> (path, file, block to insert)`; a third of
    them are modifications of an existing file, the rest new files."""
    for i in range(count):
        path, lines, insert = make(b.rng.choice(ENTITIES))
        path = _unique(path, taken)
        if i % 3 == 0:
            b.modified(path, lines, _modify(b.rng, lines, insert))
        else:
            b.added(path, lines)


def generate_pr(seed: int = DEFAULT_SEED, scale: float = 1.0) -> GeneratedPR:
    """The large PR: ~260 files, ~22k added backend lines at scale 1.0."""
    rng = random.Random(seed)
    b = _Builder(rng)
    taken: set[str] = set()

    def count(n: int) -> int:
        return max(1, round(n * scale))

    def python(e: Entity) -> tuple[str, list[str], list[str]]:
        path, lines, framework = _py_file(rng, e, rng.randint(10, 22))
        return path, lines, _py_blocks(rng, e, framework, rng.randint(4, 9))

    def js(e: Entity) -> tuple[str, list[str], list[str]]:
        path, lines = _js_file(rng, e, rng.randint(8, 16))
        return path, lines, _more_blocks(rng, e, _JS_SAFE + _JS_RISKY, 3, 6)

    def go(e: Entity) -> tuple[str, list[str], list[str]]:
        path, lines = _go_file(rng, e, rng.randint(5, 10))
        return path, lines, _more_blocks(rng, e, _GO_SAFE + _GO_RISKY, 2, 4)

    _code_files(b, taken, count(80), python)
    for i in range(count(6)):
        path, lines = _django_migration(rng, rng.choice(ENTITIES), 10 + i)
        b.added(_unique(path, taken), lines)
    _code_files(b, taken, count(50), js)
    _code_files(b, taken, count(36), go)
    for i in range(count(30)):
        path, lines = _sql_file(rng, rng.choice(ENTITIES), 100 + i)
        b.added(_unique(path, taken), lines)
    for i in range(count(6)):
        path, lines = _config_file(rng, i)
        b.added(_unique(path, taken), lines)
    _non_backend(b, rng, taken, count)
    b.pr.diff = "".join(b.parts)
    return b.pr


def _non_backend(
    b: _Builder, rng: random.Random, taken: set[str], count: Callable[[int], int]
) -> None:
    for _ in range(count(30)):
        e = rng.choice(ENTITIES)
        path, lines = _tsx_file(rng, e)
        b.added(_unique(path, taken), lines)
    for _ in range(count(10)):
        e = rng.choice(ENTITIES)
        path, lines = _md_file(rng, e)
        b.added(_unique(path, taken), lines)
    readme_before = (
        ["# Shop platform", "", "Services for the shop.", ""]
        + [f"- `{e.plural}`: {e.name.replace('_', ' ')} endpoints" for e in ENTITIES]
        + ["", "## Running", "", "    make dev", ""]
    )
    readme_after = list(readme_before)
    readme_after[20:20] = ["- `billing`: invoices and refunds (new)", "- `audit`: the audit log"]
    b.modified("README.md", readme_before, readme_after)
    lock_before = ["{", '  "name": "shop",', '  "lockfileVersion": 3,', '  "packages": {']
    lock_before += _lock_entries(rng, 120) + ['    "": {}', "  }", "}"]
    lock_after = list(lock_before)
    lock_after[300:300] = _lock_entries(rng, 60)
    b.modified("package-lock.json", lock_before, lock_after)
    for i in range(count(8)):
        b.binary(f"web/public/img/{rng.choice(ENTITIES).plural}-{i}.png", added=i % 4 != 0)


def generate(seed: int = DEFAULT_SEED, *, small: bool = False, scale: float = 1.0) -> str:
    """The diff text: the large PR, or with `small` a 10-line change to one Python file."""
    return small_diff(seed) if small else generate_pr(seed, scale).diff


def small_diff(seed: int = DEFAULT_SEED) -> str:
    """One modified Python file, one hunk adding 10 lines (one of them string-built SQL)."""
    rng = random.Random(seed)
    e = rng.choice(ENTITIES)
    before = _py_header("django", e) + _py_validator(rng, e) + _py_paginate(rng, e)
    insert = _py_sql_fstring(rng, e) + _py_hash(rng, e)
    insert = insert[:10] + [""] * max(0, 10 - len(insert))
    after = list(before)
    at = len(before) - 1
    after[at:at] = insert
    return _git_modified(f"apps/{e.plural}/{e.name}_views.py", before, after, rng)


def write_python_tree(pr: GeneratedPR, root: Path) -> int:
    """Write the post-change Python files under `root`; return how many."""
    for rel, text in pr.python_files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return len(pr.python_files)


def describe(pr: GeneratedPR) -> str:
    by_suffix = ", ".join(f"{k} {v}" for k, v in sorted(pr.added_backend_lines.items()))
    return (
        f"{pr.files} files ({pr.added_files} added, {pr.modified_files} modified, "
        f"{pr.non_backend_files} not backend); {pr.total_added_backend_lines} added backend "
        f"lines ({by_suffix}); {len(pr.python_files)} Python files; "
        f"{len(pr.diff.encode())} bytes"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--small", action="store_true", help="a 10-line change instead")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply file counts")
    parser.add_argument("--out", type=Path, help="diff path (default bench/out/large.diff)")
    parser.add_argument("--python-tree", type=Path, help="write post-change .py files here")
    args = parser.parse_args(argv)
    out: Path = args.out or OUT_DIR / ("small.diff" if args.small else "large.diff")
    out.parent.mkdir(parents=True, exist_ok=True)
    if args.small:
        out.write_text(small_diff(args.seed), encoding="utf-8")
        print(f"wrote {out}")
        return 0
    pr = generate_pr(args.seed, args.scale)
    out.write_text(pr.diff, encoding="utf-8")
    print(f"wrote {out}: {describe(pr)}")
    if args.python_tree:
        n = write_python_tree(pr, args.python_tree)
        print(f"wrote {n} Python files under {args.python_tree}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
