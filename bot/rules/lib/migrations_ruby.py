"""Rails (ActiveRecord) migrations: lock, rewrite and deploy hazards.

Rails wraps each migration in a transaction unless the class calls
`disable_ddl_transaction!`. `add_index` itself is covered by
`rails-add-index-blocking` (in `migrations_frameworks`).
"""

from __future__ import annotations

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.astgrep import line_prefix_suffix, lines, replacement_parses, root_of
from bot.rules.engine import Hit
from bot.rules.lib import type_change
from bot.rules.lib.migrations_python import (
    BACKFILL,
    CONCURRENT_IN_TX,
    CONSTRAINT,
    DROP_INDEX,
    DROP_RENAME,
    ENUM_VALUE,
    FORCE_TABLE,
    IRREVERSIBLE,
    NOT_NULL,
    TYPE_CHANGE,
    VOLATILE,
    VOLATILE_FN,
    Call,
    calls,
    created_tables_in_sql,
    embedded_sql_findings,
    enum_values_used_later,
    in_down,
    literal,
    option,
    positional,
    sql_statements,
    string_text,
    whole_table_write,
)

PATH = re.compile(r"(^|/)db/migrate/[^/]+\.rb$")
_HINT = re.compile(
    r"\b(add_|remove_|rename_|change_|drop_table|create_table|execute|update_all|delete_all"
    r"|validate_|algorithm)"
)
_NAMES = re.compile(
    r"add_column|add_foreign_key|add_check_constraint|add_reference|add_belongs_to"
    r"|validate_foreign_key|validate_check_constraint|change_column|change_column_null"
    r"|remove_columns?|rename_column|rename_table|drop_table|remove_reference|remove_belongs_to"
    r"|update_all|delete_all|execute|add_enum_value|create_table|add_index|remove_index"
)
_DDL = frozenset(
    {
        "add_column",
        "add_foreign_key",
        "add_check_constraint",
        "add_reference",
        "add_belongs_to",
        "change_column",
        "change_column_null",
        "remove_column",
        "remove_columns",
        "rename_column",
        "rename_table",
        "add_index",
        "remove_index",
    }
)
_DROPS = frozenset(
    {
        "remove_column",
        "remove_columns",
        "rename_column",
        "rename_table",
        "drop_table",
        "remove_reference",
        "remove_belongs_to",
    }
)
_CONCURRENTLY = re.compile(r"algorithm:\s*:concurrently")


def _false(value: str | None) -> bool:
    return value is not None and value.strip() in {"false", "nil"}


def _table(call: Call) -> str | None:
    args = positional(call)
    return literal(args[0]) if args else None


def _widens(call: Call, path: str) -> bool:
    """`change_column :notes, :body, :text` from a `string` column: no rewrite. Any
    option (`limit:`, `null:`, `using:`) keeps the finding."""
    args = positional(call)
    if len(args) != 3 or len(call.args) != 3:
        return False
    table, column, kind = (literal(a) for a in args)
    if not table or not column or not kind:
        return False
    return type_change.known_widening(table, column, kind, path)


def _hit(rule: str, call: Call, title: str, line: int | None = None) -> Hit:
    first = line if line is not None else call.line
    end = first if line is not None else call.end_line
    return Hit(rule=rule, path="", line=first, end_line=end, title=title)


def _reversible_block(node: SgNode) -> bool:
    for ancestor in node.ancestors():
        if ancestor.kind() == "call":
            method = ancestor.field("method")
            if method is not None and method.text() in {"reversible", "up_only", "up", "down"}:
                return True
    return False


def _add_column(call: Call, name: str) -> list[Hit]:
    args = positional(call)
    kind = args[2].text() if len(args) > 2 else ""
    default = option(call, "default")
    if (
        VOLATILE_FN.search(default or "")
        or kind in {":serial", ":bigserial"}
        or option(call, "stored") == "true"
    ):
        return [_hit(VOLATILE, call, f"New column rewrites {name} under an exclusive lock")]
    if _false(option(call, "null")) and default is None:
        return [_hit(NOT_NULL, call, f"`null: false` column added to {name} without a default")]
    return []


def _constraint(call: Call, name: str, disabled: bool, validated_later: bool) -> list[Hit]:
    if call.name in ("add_foreign_key", "add_check_constraint"):
        if not _false(option(call, "validate")):
            title = f"`{call.name}` on {name} validates every row under lock"
            return [_hit(CONSTRAINT, call, title)]
        return []
    if call.name in ("add_reference", "add_belongs_to"):
        foreign_key = option(call, "foreign_key")
        if (
            foreign_key is not None
            and not _false(foreign_key)
            and "validate: false" not in foreign_key
        ):
            title = f"`{call.name}` with `foreign_key:` on {name} validates every row under lock"
            return [_hit(CONSTRAINT, call, title)]
        return []
    if validated_later and not disabled:
        title = "Constraint validated in the same transaction that adds it"
        return [_hit(CONSTRAINT, call, title)]
    return []


def _sql_of(call: Call) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for arg in positional(call)[:1]:
        text = string_text(arg)
        if text is not None:
            out.append((text, arg.range().start.line + 1))
    return out


def ruby_hits(file: ChangedFile, root: SgNode) -> list[Hit]:
    text = file.visible_text()
    disabled = "disable_ddl_transaction!" in text
    found = [c for c in calls(root, "ruby", _NAMES) if not in_down(c.node)]
    executed = [(sql, line, c) for c in found if c.name == "execute" for sql, line in _sql_of(c)]
    created = {t for c in found if c.name == "create_table" and (t := _table(c))}
    for sql, _, _ in executed:
        created |= created_tables_in_sql(sql)
    ddl = any(c.name in _DDL for c in found)
    adds_unvalidated = any(
        c.name in ("add_foreign_key", "add_check_constraint") and _false(option(c, "validate"))
        for c in found
    )
    hits: list[Hit] = []
    for call in found:
        table = _table(call)
        name = f"`{table}`" if table else "the table"
        existing = table is None or table not in created
        if _CONCURRENTLY.search(call.node.text()) and not disabled:
            title = "`algorithm: :concurrently` without `disable_ddl_transaction!` fails"
            hits.append(_hit(CONCURRENT_IN_TX, call, title))
        if call.name == "create_table":
            force = option(call, "force")
            if force is not None and not _false(force):
                title = f"`create_table {name}, force: {force}` drops the existing table"
                hits.append(_hit(FORCE_TABLE, call, title))
        elif call.name == "add_column" and existing:
            hits += _add_column(call, name)
        elif call.name == "change_column_null" and existing:
            args = positional(call)
            if len(args) > 2 and args[2].text() == "false":
                title = f"`change_column_null … false` scans {name} under an exclusive lock"
                hits.append(_hit(NOT_NULL, call, title))
        elif call.name == "change_column" and existing and not _widens(call, file.path):
            hits.append(_hit(TYPE_CHANGE, call, f"`change_column` rewrites {name} in place"))
        elif call.name == "remove_index" and existing and option(call, "algorithm") is None:
            title = f"`remove_index` on {name} without `algorithm: :concurrently` locks the table"
            hit = _hit(DROP_INDEX, call, title)
            detail = None if disabled else _DISABLE_TX_DETAIL
            suggestion = _concurrently_suggestion(text, call)
            hits.append(Hit(DROP_INDEX, "", hit.line, hit.end_line, detail, suggestion, title))
        elif call.name in _DROPS and existing:
            title = f"`{call.name}` on {name}: make sure no deployed code still uses it"
            hits.append(_hit(DROP_RENAME, call, title))
        elif call.name.startswith(
            ("add_foreign", "add_check", "add_ref", "add_belongs", "validate_")
        ):
            if existing:
                hits += _constraint(call, name, disabled, adds_unvalidated)
        elif call.name in ("update_all", "delete_all") and ddl and not disabled:
            title = f"`{call.name}` in the same transaction as schema changes"
            hits.append(_hit(BACKFILL, call, title))
        elif call.name == "execute":
            defs = [a for a in call.node.ancestors() if a.kind() == "method"]
            method = defs[0].field("name") if defs else None
            if (
                method is not None
                and method.text() == "change"
                and not _reversible_block(call.node)
            ):
                title = "`execute` in `def change` cannot be reversed"
                hits.append(_hit(IRREVERSIBLE, call, title))
    for sql, line, _ in executed:
        for finding in embedded_sql_findings(sql, line, created, None):
            hits.append(Hit(finding.rule, "", finding.line, finding.line, title=finding.title))
        if ddl and not disabled:
            for statement, at in sql_statements(sql, line):
                if whole_table_write(statement):
                    title = "Whole-table write in the same transaction as schema changes"
                    hits.append(Hit(BACKFILL, "", at, at, title=title))
    if not disabled:
        hits += _enum_hits(found, executed)
    return [
        Hit(h.rule, file.path, h.line, h.end_line, h.detail, h.suggestion, h.title) for h in hits
    ]


_DISABLE_TX_DETAIL = (
    "Also add `disable_ddl_transaction!` to this migration class: a concurrent drop cannot "
    "run inside the transaction Rails wraps migrations in."
)


def _concurrently_suggestion(text: str, call: Call) -> str | None:
    """The call's line with `, algorithm: :concurrently` after its last argument."""
    around = line_prefix_suffix(text, call.node)
    arguments = call.node.field("arguments")
    if around is None or arguments is None or not call.args or call.args[-1].kind() == "hash":
        return None
    body = call.node.text()
    closing = ")" if arguments.text().endswith(")") else ""
    body = body[: len(body) - len(closing)].rstrip() + ", algorithm: :concurrently" + closing
    suggestion = around[0] + body + around[1]
    line = lines(call.node)[0]
    return suggestion if replacement_parses(text, line, line, suggestion, "ruby") else None


def _enum_hits(found: list[Call], executed: list[tuple[str, int, Call]]) -> list[Hit]:
    sql = [(s, line) for s, line, _ in executed]
    out = [Hit(f.rule, "", f.line, f.line, title=f.title) for f in enum_values_used_later(sql)]
    for call in found:
        args = positional(call)
        if call.name != "add_enum_value" or len(args) < 2:
            continue
        value = literal(args[1])
        later = [c for c in found if c.line > call.line and c.name != "add_enum_value"]
        if value and any(re.search(rf"[\"':]{re.escape(value)}\b", c.node.text()) for c in later):
            title = f"Enum value `{value}` used in the transaction that adds it"
            out.append(_hit(ENUM_VALUE, call, title))
    return out


def hits(file: ChangedFile) -> list[Hit]:
    if not PATH.search(file.path):
        return []
    root = root_of(file, _HINT)
    return ruby_hits(file, root) if root is not None else []
