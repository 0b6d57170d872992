"""SQL assembled from strings and handed to a JS/TS database call (`js-sql-injection`).

The dangerous shape is a query method whose SQL text is a template literal with
`${…}` or a `+` concatenation of a non-literal, either written inline or kept in a
variable declared earlier in the same function. Tagged templates
(`prisma.$queryRaw\\`…\\``, `sql\\`…\\``) are not flagged: the tag receives the
values separately and binds them as parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ast_grep_py import Config, SgNode

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.astgrep import lines, root_of
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.select import is_test_path

RULE_ID = "js-sql-injection"

# Methods that only ever take SQL: no need to look at the text to know it is SQL.
_ALWAYS_SQL_METHODS = frozenset(
    {
        "$queryRawUnsafe",
        "$executeRawUnsafe",
        "whereRaw",
        "orWhereRaw",
        "andWhereRaw",
        "havingRaw",
        "orHavingRaw",
        "orderByRaw",
        "groupByRaw",
        "joinRaw",
    }
)
# Receivers whose `query`/`raw` is always SQL (Sequelize, Knex).
_SQL_RECEIVERS = frozenset({"sequelize", "knex"})
# Generic names (`db.query`, `conn.execute`, `sql.unsafe`, `trx.raw`): SQL only when
# the literal text reads like SQL, so `search.query(...)` and friends stay quiet.
_GENERIC_METHODS = frozenset({"query", "execute", "raw", "unsafe"})
_SQL_WORDS = re.compile(
    r"\b(select|insert|update|delete|upsert|merge|from|where|join|values|returning"
    r"|order\s+by|group\s+by|limit|offset|truncate|alter|create|drop|call|exec)\b",
    re.IGNORECASE,
)
# ALL_CAPS names are constants by convention (`${TABLE}`); `placeholders` is the
# usual name for a generated `$1, $2, …` list. Neither carries user input.
_CONSTANT_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_PLACEHOLDER_NAME = re.compile(r"placeholder", re.IGNORECASE)
_SCOPES = frozenset(
    {
        "function_declaration",
        "function_expression",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
        "program",
    }
)
_STRING_KINDS = frozenset({"string", "template_string"})

# Files without any such call are not parsed.
_HINT = re.compile(
    r"\.\s*(query|execute|raw|unsafe|\$queryRawUnsafe|\$executeRawUnsafe|\w+Raw)\s*\("
)
_CALLS: Config = {
    "rule": {
        "kind": "call_expression",
        "has": {
            "field": "function",
            "kind": "member_expression",
            "has": {
                "field": "property",
                "regex": "^(query|execute|raw|unsafe|\\$queryRawUnsafe|\\$executeRawUnsafe"
                "|whereRaw|orWhereRaw|andWhereRaw|havingRaw|orHavingRaw|orderByRaw|groupByRaw|joinRaw)$",
            },
        },
    }
}


@dataclass(frozen=True)
class Dynamic:
    """What makes a SQL expression dynamic: the literal text and the first value spliced in."""

    literal: str
    culprit: str


_LETTER = re.compile(r"[A-Za-z]")


def _unwrap(node: SgNode) -> SgNode:
    while node.kind() == "parenthesized_expression":
        inner = node.named_children()
        if len(inner) != 1:
            break
        node = inner[0]
    return node


def _is_constant(node: SgNode) -> bool:
    node = _unwrap(node)
    kind = node.kind()
    if kind in {"string", "number", "true", "false", "null"}:
        return True
    if kind == "template_string":
        return not node.find_all(kind="template_substitution")
    if kind == "identifier":
        name = node.text()
        return bool(_CONSTANT_NAME.match(name) or _PLACEHOLDER_NAME.search(name))
    if kind == "member_expression":
        prop = node.field("property")
        return prop is not None and bool(_CONSTANT_NAME.match(prop.text()))
    return False


def _literal_text(node: SgNode) -> str:
    return " ".join(f.text() for f in node.find_all(kind="string_fragment"))


def _template(node: SgNode) -> Dynamic | None:
    subs = [sub for sub in node.children() if sub.kind() == "template_substitution"]
    if len(subs) == 1 and not _LETTER.search(_literal_text(node)):
        return None  # `${statement};`: a whole statement forwarded, built elsewhere
    for sub in node.children():
        if sub.kind() != "template_substitution":
            continue
        inner = sub.named_children()
        if inner and not all(_is_constant(n) for n in inner):
            return Dynamic(_literal_text(node), sub.text())
    return None


def _operands(node: SgNode) -> Iterator[SgNode]:
    """The leaves of a `+` chain, left to right."""
    node = _unwrap(node)
    operator = node.field("operator")
    if node.kind() == "binary_expression" and operator is not None and operator.text() == "+":
        for side in ("left", "right"):
            child = node.field(side)
            if child is not None:
                yield from _operands(child)
    else:
        yield node


def _concatenation(node: SgNode) -> Dynamic | None:
    parts = list(_operands(node))
    if len(parts) < 2 or not any(p.kind() in _STRING_KINDS for p in parts):
        return None
    literal = " ".join(_literal_text(p) for p in parts if p.kind() in _STRING_KINDS)
    for part in parts:
        if part.kind() == "template_string":
            found = _template(part)
            if found:
                return Dynamic(literal, found.culprit)
        elif not _is_constant(part):
            return Dynamic(literal, part.text())
    return None


def _direct(node: SgNode) -> Dynamic | None:
    node = _unwrap(node)
    if node.kind() == "template_string":
        return _template(node)
    if node.kind() == "binary_expression":
        return _concatenation(node)
    return None


def _scope(node: SgNode) -> SgNode:
    for parent in node.ancestors():
        if parent.kind() in _SCOPES:
            return parent
    return node.get_root().root()


def _before(node: SgNode, limit: SgNode) -> bool:
    return node.range().end.index <= limit.range().start.index


def _assignments(name: str, call: SgNode) -> list[SgNode]:
    """Every `name = …`, `let name = …` and `name += …` before the call in its function,
    in source order."""
    scope = _scope(call)
    found: list[SgNode] = []
    for kind, target_field in (
        ("variable_declarator", "name"),
        ("assignment_expression", "left"),
        ("augmented_assignment_expression", "left"),
    ):
        for node in scope.find_all(kind=kind):
            target = node.field(target_field)
            if target is not None and target.text() == name and _before(node, call):
                found.append(node)
    return sorted(found, key=lambda node: node.range().start.index)


def _through_variable(name: str, call: SgNode) -> tuple[Dynamic, SgNode] | None:
    """Replay the variable's assignments: a plain assignment starts over, `+=` appends."""
    literal, culprit, origin = "", "", None
    for node in _assignments(name, call):
        value = node.field("value") or node.field("right")
        if value is None:
            continue
        appended = node.kind() == "augmented_assignment_expression"
        found = _direct(value)
        text = found.literal if found else _literal_text(value)
        if not appended:
            literal, culprit, origin = text, "", None
        else:
            literal = f"{literal} {text}"
        if found is None and appended and not _is_constant(value):
            found = Dynamic(text, value.text())
        if found is not None:
            culprit, origin = culprit or found.culprit, origin or node
    if origin is None or not culprit:
        return None
    return Dynamic(literal, culprit), origin


def _sql_argument(call: SgNode) -> SgNode | None:
    args = call.field("arguments")
    if args is None or args.kind() != "arguments":
        return None  # a tagged template: the tag binds the values itself
    named = args.named_children()
    if not named:
        return None
    first = _unwrap(named[0])
    if first.kind() == "object":  # pg's `{ text, values }` config form
        for pair in first.find_all(kind="pair"):
            key, value = pair.field("key"), pair.field("value")
            if key is not None and value is not None and key.text().strip("'\"") == "text":
                return value
        return None
    return first


def _callee(call: SgNode) -> tuple[str, str]:
    function = call.field("function")
    if function is None:
        return "", ""
    receiver, prop = function.field("object"), function.field("property")
    return (receiver.text() if receiver else ""), (prop.text() if prop else "")


def _is_sql(receiver: str, method: str, literal: str) -> bool:
    if method in _ALWAYS_SQL_METHODS:
        return True
    if receiver.split(".")[-1].lower() in _SQL_RECEIVERS and method in {"query", "raw"}:
        return True
    return method in _GENERIC_METHODS and bool(_SQL_WORDS.search(literal))


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _hit(file: ChangedFile, call: SgNode) -> Hit | None:
    receiver, method = _callee(call)
    argument = _sql_argument(call)
    if argument is None:
        return None
    found = _direct(argument)
    origin: SgNode | None = None
    if found is None and argument.kind() == "identifier":
        resolved = _through_variable(argument.text(), call)
        if resolved:
            found, origin = resolved
    if found is None or not _is_sql(receiver, method, found.literal):
        return None
    first, last = lines(call)
    if origin is not None and not any(n in file.added_lines for n in range(first, last + 1)):
        first, last = lines(origin)  # only the SQL-building line changed: point at it
    callee = f"{receiver}.{method}" if receiver else method
    where = f" (built in `{_short(argument.text())}`)" if origin is not None else ""
    return Hit(
        rule=RULE_ID,
        path=file.path,
        line=first,
        end_line=last,
        title=f"`{_short(callee)}` runs SQL built from `{_short(found.culprit)}`",
        detail=f"The SQL text passed to `{_short(callee)}`{where} splices in "
        f"`{_short(found.culprit)}` instead of binding it as a parameter.",
    )


RULE = Rule(
    id=RULE_ID,
    category=Category.SECURITY,
    severity=Severity.HIGH,
    title="SQL built by string interpolation is passed to a query call",
    rationale=(
        "The value is pasted into the SQL text, so whoever controls it controls the "
        "statement: a request carrying `1 OR 1=1` reads every row, `1; DROP TABLE users` "
        "runs if the driver allows multiple statements, and a quote in an ordinary name "
        "(`O'Brien`) turns into a 500. The database also sees a different statement for "
        "every value, so it cannot reuse a prepared plan."
    ),
    fix=(
        "Keep the SQL text constant and pass the values separately: "
        "`db.query('SELECT * FROM users WHERE id = $1', [id])` (pg), `?` placeholders "
        "with an array for mysql2 and `knex.raw`/`whereRaw`, `replacements` or `bind` for "
        "`sequelize.query`, and Prisma's tagged `$queryRaw\\`… ${id}\\`` instead of "
        "`$queryRawUnsafe`. Identifiers (table or column names) cannot be parameters: "
        "pick them from a fixed allow-list."
    ),
    languages=("javascript", "typescript"),
    positive=(
        RuleCase(
            path="src/db/users.js",
            code=(
                "const { Pool } = require('pg');\n"
                "const pool = new Pool();\n"
                "async function findUser(id) {\n"
                "  const res = await pool.query(`SELECT * FROM users WHERE id = ${id}`);\n"
                "  return res.rows[0];\n"
                "}\n"
            ),
            lines=(4,),
        ),
        RuleCase(
            path="src/db/orders.ts",
            code=(
                "import { PrismaClient } from '@prisma/client';\n"
                "const prisma = new PrismaClient();\n"
                "export async function orders(status: string) {\n"
                '  const sql = "SELECT * FROM orders WHERE status = \'" + status + "\'";\n'
                "  return prisma.$queryRawUnsafe(sql);\n"
                "}\n"
                "export function byName(db: any, name: string) {\n"
                "  return db.query('SELECT id FROM users WHERE name = ' + name);\n"
                "}\n"
            ),
            lines=(5, 8),
        ),
        RuleCase(
            path="src/db/report.js",
            code=(
                "const knex = require('knex')({ client: 'pg' });\n"
                "function report(col) {\n"
                "  return knex('sales').select(knex.raw(`sum(${col})`));\n"
                "}\n"
            ),
            lines=(3,),
        ),
    ),
    negative=(
        RuleCase(
            path="src/db/users.js",
            code=(
                "const { Pool } = require('pg');\n"
                "const pool = new Pool();\n"
                "const TABLE = 'users';\n"
                "async function findUser(id) {\n"
                "  await pool.query('SELECT * FROM users WHERE id = $1', [id]);\n"
                "  await pool.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);\n"
                "  const sql = 'SELECT * FROM users WHERE id = ' + '$1';\n"
                "  return pool.query(sql, [id]);\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="src/db/orders.ts",
            code=(
                "import { PrismaClient, Prisma } from '@prisma/client';\n"
                "import sql from 'sql-template-strings';\n"
                "const prisma = new PrismaClient();\n"
                "export async function orders(status: string, db: any) {\n"
                "  await prisma.$queryRaw`SELECT * FROM orders WHERE status = ${status}`;\n"
                "  await db.query(sql`SELECT * FROM orders WHERE status = ${status}`);\n"
                "  return search.query(`title:${status}`);\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="src/db/schema.js",
            code=(
                "const knex = require('knex');\n"
                "async function run(sequelize, subQuery, options) {\n"
                "  await sequelize.query(`${subQuery};`, { raw: true, ...options });\n"
                "}\n"
            ),
        ),
        RuleCase(
            path="test/users.test.js",
            code=(
                "const { Pool } = require('pg');\n"
                "const pool = new Pool();\n"
                "test('drop', async () => {\n"
                "  await pool.query(`DROP TABLE ${table}`);\n"
                "});\n"
            ),
        ),
    ),
)


class SqlInjectionJs(Check):
    name = "ast-grep:js-sql-injection"
    rules = (RULE,)
    languages = frozenset({"javascript", "typescript"})
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA, FileKind.MIGRATION})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if is_test_path(file.path):
            return []  # test code is not deployed: no request reaches its SQL
        root = root_of(file, _HINT)
        if root is None:
            return []
        hits = (_hit(file, call) for call in root.find_all(_CALLS))
        return [hit for hit in hits if hit is not None]


CHECKS: list[Check] = [SqlInjectionJs()]
