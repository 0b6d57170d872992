"""One table of the schema model as one short line, for the AI reviewer's request.

    orders(id bigint pk, user_id bigint not null fk→users.id, status text) idx: (user_id)

The line is what the model needs to judge an index: columns in declaration order with
their type and nullability, the primary key, foreign keys, and every index with its
columns in order (`unique(...)`, `partial(...)`, an expression part as written:
`(lower(email))`). `idx: none`
says there is no index besides the primary key, which is itself a fact the model uses.

Every name comes from the repository's files, so each is cut short and stripped of
anything that could break the line (the request marks it all as data anyway).
"""

from __future__ import annotations

from collections.abc import Collection

from bot import lazyre as re
from bot.schema.model import Column, ForeignKey, Index, Table

MAX_COLUMNS = 30
_NAME_CHARS = 64
_TYPE_CHARS = 32
_EXPRESSION_CHARS = 80
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>]+")
_SPACE = re.compile(r"\s+")


def _clean(text: str, limit: int) -> str:
    text = _SPACE.sub(" ", _UNSAFE.sub(" ", text)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(text: str) -> str:
    return _clean(text, _NAME_CHARS)


def _part(column: str) -> str:
    """An index part: a column name, or an expression as written (`lower(email)`)."""
    if column.startswith("(") and column.endswith(")"):
        return _clean(column[1:-1], _EXPRESSION_CHARS)
    return _name(column)


def _fk_target(fk: ForeignKey) -> str:
    refs = ", ".join(_name(c) for c in fk.ref_columns)
    if len(fk.ref_columns) == 1:
        return f"{_name(fk.ref_table)}.{refs}"
    return f"{_name(fk.ref_table)}({refs})" if refs else _name(fk.ref_table)


def _column(table: Table, column: Column, single_fks: dict[str, ForeignKey]) -> str:
    parts = [_name(column.name)]
    if column.type:
        parts.append(_clean(column.type.lower(), _TYPE_CHARS))
    if column.nullable is False and table.primary_key != (column.name,):
        parts.append("not null")
    if table.primary_key == (column.name,):
        parts.append("pk")
    fk = single_fks.get(column.name)
    if fk is not None:
        parts.append(f"fk→{_fk_target(fk)}")
    return " ".join(parts)


def _index(index: Index) -> str:
    kind = ("unique " if index.unique else "") + ("partial" if index.partial else "")
    return kind.strip() + "(" + ", ".join(_part(c) for c in index.columns) + ")"


def _shown_columns(table: Table, focus: Collection[str], limit: int) -> list[Column]:
    """Every column when they fit; else the ones an index decision turns on first (keys,
    indexed columns, the columns the change queries), then the rest in order."""
    columns = list(table.columns.values())
    if len(columns) <= limit:
        return columns
    keyed = set(table.primary_key) | set(focus)
    keyed.update(c for fk in table.foreign_keys for c in fk.columns)
    keyed.update(c for ix in table.indexes for c in ix.columns)
    first = [c for c in columns if c.name in keyed]
    rest = [c for c in columns if c.name not in keyed]
    chosen = {c.name for c in (first + rest)[:limit]}
    return [c for c in columns if c.name in chosen]


def table_line(table: Table, focus: Collection[str] = (), max_columns: int = MAX_COLUMNS) -> str:
    """`name(columns) idx: indexes` for one table; `focus` are columns worth keeping
    when a wide table's columns are cut."""
    single_fks = {fk.columns[0]: fk for fk in table.foreign_keys if len(fk.columns) == 1}
    shown = _shown_columns(table, focus, max_columns)
    cells = [_column(table, c, single_fks) for c in shown]
    hidden = len(table.columns) - len(shown)
    if hidden:
        cells.append(f"+{hidden} more columns")
    if len(table.primary_key) > 1:
        cells.append("pk(" + ", ".join(_name(c) for c in table.primary_key) + ")")
    for fk in table.foreign_keys:
        if len(fk.columns) > 1:
            cells.append("fk(" + ", ".join(_name(c) for c in fk.columns) + f")→{_fk_target(fk)}")
    indexes = ", ".join(_index(ix) for ix in table.indexes) or "none"
    return f"{_name(table.name)}({', '.join(cells)}) idx: {indexes}"
