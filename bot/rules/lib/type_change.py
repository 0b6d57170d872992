"""Which column type changes PostgreSQL makes without rewriting the table.

`ALTER COLUMN … TYPE` rewrites every row unless the new type stores the same bytes and
accepts every old value: a `varchar(n)` made `text` or longer, a `numeric(p,s)` made
unconstrained, a `cidr` made `inet`. Everything else (int -> bigint, text -> varchar(n),
a shorter varchar, a `USING` expression) rewrites. `timestamp` -> `timestamptz` skips
the rewrite only when the session time zone is UTC, which a migration does not show, so
it counts as a rewrite. Pure: type names in, a verdict out; the schema lookup is the
caller's.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import lazyre as re
from bot.schema.model import ColumnState, Schema


@dataclass(frozen=True)
class PgType:
    base: str  # varchar, text, numeric, cidr, inet, or the name as written
    args: tuple[int, ...] | None  # (n,) or (p, s); () for none; None when not known


# Framework and SQL spellings of the types this module reasons about.
_VARCHAR = frozenset(
    {
        "varchar",
        "character varying",
        "string",  # Rails
        "sa.string",
        "sa.varchar",
        "unicode",
        "sa.unicode",
        "charfield",
        "emailfield",
        "slugfield",
        "urlfield",
    }
)
_TEXT = frozenset({"text", "sa.text", "unicodetext", "sa.unicodetext", "textfield"})
_NUMERIC = frozenset({"numeric", "decimal", "sa.numeric", "decimalfield"})
# Framework spellings whose declared length the schema model does not keep.
_LENGTH_UNKNOWN = frozenset({"string", "charfield", "emailfield", "slugfield", "urlfield"})
_TYPE_NAME = re.compile(r"[a-z_][\w.]*(?: [\w.]+)*", re.I)


def parse_type(text: str) -> PgType | None:
    """`varchar(255)`, `character varying`, `sa.String(length=255)`, `:text` -> a PgType."""
    raw = " ".join(text.strip().lstrip(":").strip("\"'").split())
    head, paren, rest = raw.partition("(")
    if paren and not rest.endswith(")"):
        return None
    name = head.strip().lower()
    if not _TYPE_NAME.fullmatch(name):
        return None
    inner = rest[:-1] if paren else None
    args: tuple[int, ...] | None = ()
    if inner is not None and inner.strip():
        numbers = re.findall(r"(?:^|[=,(]|\s)(\d+)", inner)
        args = tuple(int(n) for n in numbers) if numbers else None
    if name in _VARCHAR:
        base = "varchar"
        if name in _LENGTH_UNKNOWN and not args:
            args = None
    elif name in _TEXT:
        base = "text"
    elif name in _NUMERIC:
        base = "numeric"
    else:
        base = name.split(".")[-1]
    return PgType(base, args)


def rewrites(old: str, new: str) -> bool:
    """Whether changing a PostgreSQL column from `old` to `new` rewrites the table."""
    before, after = parse_type(old), parse_type(new)
    if before is None or after is None:
        return True
    if before == after and before.args is not None:
        return False
    if before.base == "varchar":
        if after.base == "text":
            return False
        if after.base == "varchar":
            if after.args == ():
                return False
            if before.args and after.args:
                return after.args[0] < before.args[0]
        return True
    if before.base == "numeric" and after.base == "numeric":
        return after.args != ()
    return not (before.base == "cidr" and after.base == "inet")


def column_before(schema: Schema, table: str, column: str, path: str) -> ColumnState | None:
    """The column as the migrations before `path` left it, if the schema knows it."""
    found = schema.table(table)
    if found is None:
        name = next(
            (t for k, t in schema.models.items() if k.split(".")[-1].lower() == table), None
        )
        found = schema.table(name) if name else None
    key = found.column(column) if found is not None else None
    if found is None or key is None:
        return None
    return found.columns[key].before(path)


def known_widening(table: str | None, column: str, new: str, path: str) -> bool:
    """Whether the review's schema knows the column's old type and the change to `new`
    keeps every row as it is. Unknown table, column or type: False (the hazard stands)."""
    from bot.schema.context import current

    context = current()
    if context is None or table is None:
        return False
    before = column_before(context.schema, table, column, path)
    if before is None or not before.type:
        return False
    return not rewrites(before.type, new)


# One `ALTER [COLUMN] c [SET DATA] TYPE t` clause of an ALTER TABLE.
_SQL_CLAUSE = re.compile(
    r"\bALTER\s+(?:COLUMN\s+)?(?!COLUMN\b)([\"`]?\w+[\"`]?)\s+(?:SET\s+DATA\s+)?TYPE\s+"
    r"([a-z_][\w .]*?(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?)\s*(?=,|;|$|\bUSING\b|\bCOLLATE\b)",
    re.I,
)


_SQL_ANY_CLAUSE = re.compile(
    r"\bALTER\s+(?:COLUMN\s+)?(?!COLUMN\b)[\"`]?\w+[\"`]?\s+(?:SET\s+DATA\s+)?TYPE\b", re.I
)


def sql_type_changes(text: str) -> list[tuple[str, str]]:
    """The (column, new type) of each type change in an ALTER TABLE statement; empty
    when one of them carries `USING` or `COLLATE` (a conversion or a new collation)."""
    if re.search(r"\bUSING\b|\bCOLLATE\b", text, re.I):
        return []
    return [(m.group(1).strip('"`'), m.group(2)) for m in _SQL_CLAUSE.finditer(text)]


def sql_widening_only(text: str, table: str | None, path: str) -> bool:
    """Whether every type change of the statement is one PostgreSQL makes in place."""
    changes = sql_type_changes(text)
    if not changes or len(changes) != len(_SQL_ANY_CLAUSE.findall(text)):
        return False
    return all(known_widening(table, column, new, path) for column, new in changes)
