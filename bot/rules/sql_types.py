"""Column types that hurt later (issue 5, entry 33): `json` where `jsonb` was meant.

squawk has `prefer-bigint…` and `prefer-timestamptz` (see `sql_squawk`) but nothing
for `json`. PostgreSQL's `json` stores the text as written and re-parses it on every
access; it has no equality operator (so `DISTINCT`, `GROUP BY` and `UNION` on it
fail) and no GIN index support. `jsonb` is what applications almost always mean.

Forms covered: PostgreSQL SQL files (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE),
Rails migrations (`t.json`, `add_column …, :json`) and Alembic migrations
(`sa.JSON`/`postgresql.JSON` inside `op.add_column`/`op.create_table`). Django has no
choice to make: `JSONField` is `jsonb` on PostgreSQL. Rails and Alembic migrations
do not say which database they run on (MySQL has only `json`), hence a rationale
worded for PostgreSQL. Summary only: on real migrations the column was nearly always
stored and read whole, where `json` costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, FileKind
from bot.rules.astgrep import line_prefix_suffix, lines, replacement_parses, root_of
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib.migrations_python import ALEMBIC_PATH, Call, calls, in_down, literal, positional
from bot.rules.lib.migrations_ruby import PATH as RAILS_PATH
from bot.rules.lib.sql_text import (
    POSTGRES,
    Statement,
    analyzable_text,
    created_table,
    detect_dialect,
    parse,
    split_statements,
)

RULE_ID = "pg-prefer-jsonb"
# Why the rule is summary only: none of 23 judged findings on real migrations (four sets)
# was worth acting on; the column was stored and read whole, or the engine had no `jsonb`.
_USE_NOTE = (
    "Whether `jsonb` pays off depends on whether queries look inside this column (keys, "
    "containment, equality), which the migration does not show; a value stored and read "
    "whole gains nothing from it."
)

# --- SQL -------------------------------------------------------------------------------

_SQL_HINT = re.compile(r"\bjson\b", re.IGNORECASE)
_ALTER_TABLE = re.compile(r"ALTER\s+TABLE\b", re.IGNORECASE)
# Strings and comments, blanked before the type search (newlines kept for line numbers).
_OPAQUE = re.compile(r"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", re.DOTALL)
# `json` in type position: after a column name that opens a definition (`(`, `,` or
# `ADD [COLUMN] [IF NOT EXISTS]`), or after `TYPE` (`ALTER COLUMN c [SET DATA] TYPE`).
# Casts (`::json`, `AS json`) and functions (`json_build_object(`) never match.
_JSON_TYPE = re.compile(
    r"(?:(?:(?:^|[(,])\s*|\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?)"
    r"(?:\"[^\"]+\"|[A-Za-z_][\w$]*)\s+|\bTYPE\s+)(json)\b(?!\s*\()",
    re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _json_columns_in_tree(statement: Statement) -> bool | None:
    """Whether sqlglot sees a column defined or retyped as `json`; None if it cannot read it."""
    tree = parse(statement, POSTGRES)
    if tree is None:
        return None
    from sqlglot import exp

    types: list[exp.Expr] = []
    for node in tree.find_all(exp.ColumnDef, exp.AlterColumn):
        kind = node.args.get("kind") if isinstance(node, exp.ColumnDef) else node.args.get("dtype")
        if isinstance(kind, exp.DataType):
            types.extend(kind.find_all(exp.DataType))
    return any(t.this == exp.DataType.Type.JSON for t in types)


def _sql_suggestion(file: ChangedFile, statement: Statement, offset: int, line: int) -> str | None:
    """The flagged line with `json` turned into `jsonb`, if the statement still parses."""
    row = file.line_text(line)
    text = analyzable_text(file)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    if row is None or row[column : column + 4].lower() != "json":
        return None
    if re.search(r"\bUSING\b", statement.text, re.IGNORECASE):
        return None  # the USING expression's type would need changing too
    word = row[column : column + 4]
    jsonb = word + ("B" if word.isupper() else "b")
    relative = offset - statement.start
    edited = statement.text[:relative] + jsonb + statement.text[relative + 4 :]
    replaced = Statement(edited, statement.line, statement.end_line, statement.start, 0)
    if parse(statement, POSTGRES) is None or parse(replaced, POSTGRES) is None:
        return None
    return row[:column] + jsonb + row[column + 4 :]


def sql_hits(file: ChangedFile) -> Iterator[Hit]:
    text = analyzable_text(file)
    if not _SQL_HINT.search(text) or detect_dialect(file.path, text) != POSTGRES:
        return
    for statement in split_statements(text):
        if created_table(statement) is None and not _ALTER_TABLE.match(statement.text):
            continue
        if not _SQL_HINT.search(statement.text):
            continue
        visible = _OPAQUE.sub(_blank, statement.text)
        found = list(_JSON_TYPE.finditer(visible))
        if not found or _json_columns_in_tree(statement) is False:
            continue
        for match in found:
            offset = statement.start + match.start(1)
            line = line_of(text, offset)
            yield Hit(
                RULE_ID,
                file.path,
                line,
                line,
                suggestion=_sql_suggestion(file, statement, offset, line),
                detail=_USE_NOTE,
                title="Column declared `json`; `jsonb` is almost always what is meant",
            )


# --- Rails -----------------------------------------------------------------------------

_RAILS_HINT = re.compile(r"\bjson\b")
_RAILS_CALLS = re.compile(r"json|add_column|column|change_column")


def _rails_json_node(call: Call) -> SgNode | None:
    """The node naming the `json` type in a Rails column call, or None."""
    args = positional(call)
    if call.name == "json":
        return call.node.field("method") if call.receiver and args else None
    position = {"add_column": 2, "change_column": 2, "column": 1}[call.name]
    if len(args) > position and args[position].kind() == "simple_symbol":
        node = args[position]
        return node if literal(node) == "json" else None
    return None


def _swap(file: ChangedFile, node: SgNode, replacement: str, language: str) -> str | None:
    text = file.visible_text()
    around = line_prefix_suffix(text, node)
    if around is None:
        return None
    line = lines(node)[0]
    suggestion = around[0] + replacement + around[1]
    return suggestion if replacement_parses(text, line, line, suggestion, language) else None


def rails_hits(file: ChangedFile) -> Iterator[Hit]:
    root = root_of(file, _RAILS_HINT)
    if root is None:
        return
    for call in calls(root, "ruby", _RAILS_CALLS):
        node = _rails_json_node(call)
        if node is None or in_down(call.node):
            continue
        replacement = "jsonb" if call.name == "json" else ":jsonb"
        line = lines(node)[0]
        yield Hit(
            RULE_ID,
            file.path,
            line,
            line,
            suggestion=_swap(file, node, replacement, "ruby"),
            detail=_USE_NOTE,
            title="`json` column: on PostgreSQL, `jsonb` is almost always what is meant",
        )


# --- Alembic ---------------------------------------------------------------------------

_ALEMBIC_HINT = re.compile(r"\bJSON\b")
_OP_CALLS = re.compile(r"add_column|create_table")
_GENERIC_JSON = re.compile(r"^(?:sa|sqlalchemy|sa\.types|sqlalchemy\.types|types)\.JSON$")
_PG_MODULE = re.compile(
    r"^[ \t]*from\s+sqlalchemy\.dialects\s+import\s+[^\n]*\bpostgresql(?:\s+as\s+(\w+))?",
    re.MULTILINE,
)
_PG_NAMES = re.compile(
    r"^[ \t]*from\s+sqlalchemy\.dialects\.postgresql\s+import\s+([^\n]*)", re.MULTILINE
)


def _pg_module_alias(text: str) -> str | None:
    """The name the file binds `sqlalchemy.dialects.postgresql` to, if any."""
    match = _PG_MODULE.search(text)
    if match is None:
        return None
    return match.group(1) or "postgresql"


def _jsonb_imported(text: str) -> bool:
    return any(re.search(r"\bJSONB\b(?!\s+as\b)", m.group(1)) for m in _PG_NAMES.finditer(text))


def _alembic_json_nodes(call: Call) -> Iterator[SgNode]:
    for node in call.node.find_all(kind="attribute"):
        if node.text().endswith(".JSON"):
            yield node
    for node in call.node.find_all(kind="identifier"):
        parent = node.parent()
        if node.text() == "JSON" and (parent is None or parent.kind() != "attribute"):
            yield node


def _alembic_replacement(node: SgNode, text: str) -> str | None:
    """`postgresql.JSONB` (or the file's alias / imported `JSONB`) for a JSON type node."""
    name = node.text()
    alias = _pg_module_alias(text)
    if name.endswith(".JSON") and alias is not None and name[: -len(".JSON")] == alias:
        return f"{alias}.JSONB"
    if _GENERIC_JSON.match(name):
        return f"{alias}.JSONB" if alias is not None else None
    if name == "JSON" and _jsonb_imported(text):
        return "JSONB"
    return None


def _is_json_type(node: SgNode, text: str) -> bool:
    name = node.text()
    if _GENERIC_JSON.match(name) or name == "JSON":
        return True
    alias = _pg_module_alias(text)
    return alias is not None and name == f"{alias}.JSON"


def alembic_hits(file: ChangedFile) -> Iterator[Hit]:
    root = root_of(file, _ALEMBIC_HINT)
    if root is None:
        return
    text = file.visible_text()
    for call in calls(root, "python", _OP_CALLS):
        if call.receiver != "op" or in_down(call.node):
            continue
        for node in _alembic_json_nodes(call):
            if not _is_json_type(node, text):
                continue
            replacement = _alembic_replacement(node, text)
            line = lines(node)[0]
            yield Hit(
                RULE_ID,
                file.path,
                line,
                line,
                suggestion=_swap(file, node, replacement, "python") if replacement else None,
                detail=_USE_NOTE,
                title="`JSON` column: on PostgreSQL, `postgresql.JSONB` is almost always what "
                "is meant",
            )


# --- the rule --------------------------------------------------------------------------

RULE = catalog_rule(RULE_ID)


class PreferJsonb(Check):
    name = "prefer-jsonb"
    rules = (RULE,)
    languages = frozenset({"sql", "ruby", "python"})
    kinds = frozenset({FileKind.MIGRATION, FileKind.SQL})

    def wants(self, file: ChangedFile) -> bool:
        if not super().wants(file):
            return False
        if file.language == "ruby":
            return bool(RAILS_PATH.search(file.path))
        if file.language == "python":
            return bool(ALEMBIC_PATH.search(file.path))
        return True

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if file.language == "sql":
            return list(sql_hits(file))
        if file.language == "ruby":
            return list(rails_hits(file))
        return list(alembic_hits(file))


CHECKS: list[Check] = [PreferJsonb()]
