"""Laravel migrations (PHP).

Laravel runs a migration in a transaction on PostgreSQL (whose grammar supports
transactional DDL) unless the migration sets `public $withinTransaction = false;`.
Blueprint calls inside `Schema::table(…)` change an existing table; inside
`Schema::create(…)` the table is new and empty, so those are skipped.
"""

from __future__ import annotations

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.astgrep import root_of
from bot.rules.engine import Hit
from bot.rules.lib.migrations_python import (
    CONCURRENT_IN_TX,
    CONSTRAINT,
    DROP_RENAME,
    LARAVEL_INDEX,
    NOT_NULL,
    TYPE_CHANGE,
    Call,
    calls,
    created_tables_in_sql,
    embedded_sql_findings,
    in_down,
    literal,
    positional,
    string_text,
)

PATH = re.compile(r"(^|/)database/migrations/[^/]+\.php$")
_HINT = re.compile(r"\bSchema::|\bDB::")
_NAMES = re.compile(
    r"index|unique|foreign|constrained|foreignId|dropColumn|renameColumn|change|drop"
    r"|dropIfExists|rename|statement|unprepared|table|create"
)
_TX_OFF = re.compile(r"\$withinTransaction\s*=\s*false\b", re.IGNORECASE)
# Blueprint column types: Laravel makes a column NOT NULL unless `->nullable()`.
_COLUMN_TYPES = re.compile(
    r"string|char|text|mediumText|longText|integer|bigInteger|smallInteger|tinyInteger"
    r"|unsignedInteger|unsignedBigInteger|boolean|decimal|float|double|date|dateTime"
    r"|dateTimeTz|time|timestamp|timestampTz|uuid|ulid|json|jsonb|enum|foreignId"
    r"|foreignUuid|ipAddress|macAddress|year|binary"
)
# What lets a new column fill existing rows: NULL, a default, a computed value.
_FILLS_ROWS = re.compile(
    r"->\s*(?:nullable|default|useCurrent|storedAs|virtualAs|generatedAs|change)\s*\("
)


def _hit(rule: str, call: Call, title: str) -> Hit:
    return Hit(rule=rule, path="", line=call.line, end_line=call.end_line, title=title)


def _schema_table(node: SgNode) -> tuple[str, str | None] | None:
    """(`table`|`create`, table name) of the `Schema::…` call around a Blueprint call."""
    for ancestor in node.ancestors():
        if ancestor.kind() != "scoped_call_expression":
            continue
        scope, name = ancestor.field("scope"), ancestor.field("name")
        if scope is None or name is None or scope.text() != "Schema":
            continue
        if name.text() in ("table", "create"):
            arguments = ancestor.field("arguments")
            args = arguments.named_children() if arguments is not None else []
            value = args[0].named_children()[-1] if args and args[0].named_children() else None
            return name.text(), literal(value)
    return None


def _blueprint(call: Call, table: str | None) -> list[Hit]:
    name = f"`{table}`" if table else "the table"
    if call.name in ("index", "unique"):
        return [_hit(LARAVEL_INDEX, call, f"`->{call.name}()` on {name} builds an index")]
    if call.name in ("foreign", "constrained"):
        title = f"Foreign key on {name} validates every row under lock"
        return [_hit(CONSTRAINT, call, title)]
    if call.name in ("dropColumn", "renameColumn"):
        title = f"`->{call.name}()` on {name}: make sure no deployed code still uses it"
        return [_hit(DROP_RENAME, call, title)]
    if call.name == "change":
        return [_hit(TYPE_CHANGE, call, f"`->change()` alters a column of {name} in place")]
    return []


def _required_columns(root: SgNode, created: set[str]) -> list[Hit]:
    """`$table->string('x')` added in `Schema::table` with nothing to fill existing rows:
    PostgreSQL refuses it on a table with rows, MySQL fills '' / 0 under a table copy."""
    out: list[Hit] = []
    for call in calls(root, "php", _COLUMN_TYPES):
        if call.receiver != "$table" or in_down(call.node):
            continue
        block = _schema_table(call.node)
        if block is None or block[0] != "table" or block[1] in created:
            continue
        statement = next(
            (a for a in call.node.ancestors() if a.kind() == "expression_statement"), call.node
        )
        if _FILLS_ROWS.search(statement.text()):
            continue
        args = positional(call)
        column = literal(args[0]) if args else None
        title = f"NOT NULL column `{column or '…'}` added to `{block[1] or '…'}` without a default"
        out.append(_hit(NOT_NULL, call, title))
    return out


def php_hits(file: ChangedFile, root: SgNode) -> list[Hit]:
    text = file.visible_text()
    tx_off = bool(_TX_OFF.search(text))
    found = [c for c in calls(root, "php", _NAMES) if not in_down(c.node)]
    created: set[str] = set()
    executed: list[tuple[str, int, Call]] = []
    for call in found:
        args = positional(call)
        if call.receiver == "Schema" and call.name == "create" and args:
            created.add(literal(args[0]) or "")
        if call.receiver == "DB" and call.name in ("statement", "unprepared") and args:
            sql = string_text(args[0])
            if sql is not None:
                executed.append((sql, args[0].range().start.line + 1, call))
    for sql, _, _ in executed:
        created |= created_tables_in_sql(sql)
    hits: list[Hit] = []
    for call in found:
        if call.receiver == "Schema" and call.name in ("drop", "dropIfExists", "rename"):
            args = positional(call)
            table = literal(args[0]) if args else None
            if table not in created:
                title = (
                    f"`Schema::{call.name}` on `{table or '…'}`: make sure no deployed code uses it"
                )
                hits.append(_hit(DROP_RENAME, call, title))
            continue
        if not call.receiver.startswith("$"):
            continue
        block = _schema_table(call.node)
        if block is not None and block[0] == "table" and block[1] not in created:
            hits += _blueprint(call, block[1])
    hits += _required_columns(root, created)
    for sql, line, call in executed:
        for finding in embedded_sql_findings(sql, line, created, LARAVEL_INDEX):
            hits.append(Hit(finding.rule, "", finding.line, finding.line, title=finding.title))
        if re.search(r"\bCONCURRENTLY\b", sql, re.I) and not tx_off:
            title = "`CONCURRENTLY` inside the migration's transaction fails"
            hits.append(_hit(CONCURRENT_IN_TX, call, title))
    return [
        Hit(h.rule, file.path, h.line, h.end_line, h.detail, h.suggestion, h.title) for h in hits
    ]


def hits(file: ChangedFile) -> list[Hit]:
    if not PATH.search(file.path):
        return []
    root = root_of(file, _HINT)
    return php_hits(file, root) if root is not None else []
