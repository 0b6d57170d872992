"""Operations that change a `Schema`, applied in history order by every reader.

Readers of snapshots (schema.rb, models, Prisma ...) and of migrations call the same
operations; only migrations are checked for an index that another already provides,
since a snapshot states the end result, which holds every index the history added.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.schema.model import (
    Column,
    ColumnState,
    ForeignKey,
    Index,
    Redundant,
    Schema,
    Table,
    Where,
    norm,
)


class Builder:
    def __init__(self, schema: Schema, path: str, framework: str, *, snapshot: bool) -> None:
        self.schema = schema
        self.path = path
        self.framework = framework
        self.snapshot = snapshot
        # Whether the database indexes a foreign key's columns itself (InnoDB does,
        # PostgreSQL does not): readers of frameworks that default to MySQL ask it.
        self.indexes_foreign_keys = True
        schema.frameworks.add(framework)

    def at(self, line: int) -> Where:
        return Where(self.path, max(line, 1))

    def table(self, name: str, line: int = 1) -> Table:
        table = self.schema.ensure(name, self.at(line), self.framework)
        return table

    def model(self, model: str, table: str) -> None:
        self.schema.models[model] = norm(table)

    def column(
        self,
        table: str,
        name: str,
        line: int,
        *,
        type: str | None = None,
        nullable: bool | None = None,
        alias: str | None = None,
    ) -> None:
        t = self.table(table, line)
        key = norm(name)
        existing = t.columns.get(key)
        if existing is None:
            existing = t.columns[key] = Column(key, type, nullable, self.at(line))
        else:
            existing.type = type or existing.type
            existing.nullable = existing.nullable if nullable is None else nullable
        existing.history.append(ColumnState(self.at(line), type, nullable, self.snapshot))
        if alias and alias != key:
            t.aliases[alias] = key

    def primary_key(self, table: str, columns: Iterable[str], line: int) -> None:
        t = self.table(table, line)
        t.primary_key = tuple(norm(c) for c in columns)
        for column in t.primary_key:
            t.columns.setdefault(column, Column(column, where=self.at(line)))

    def index(
        self,
        table: str,
        columns: Iterable[str],
        line: int,
        *,
        name: str | None = None,
        unique: bool = False,
        partial: bool = False,
        predicate: str = "",
        implicit: bool = False,
    ) -> None:
        t = self.table(table, line)
        cols = tuple(c if c.startswith("(") else norm(c) for c in columns if c)
        if not cols:
            return
        if len(t.indexes) >= MAX_INDEXES_PER_TABLE:
            # Generated or crafted DDL: every index is compared with the table's others,
            # so past this many the rest are not modelled (and not compared either).
            return
        if implicit and (
            t.primary_key[: len(cols)] == cols
            or any(ix.columns[: len(cols)] == cols for ix in t.indexes)
        ):
            return  # InnoDB uses the index that already leads with the key
        if not implicit and not partial:
            # ...and drops the one it built once another index serves the key.
            t.indexes = [
                ix
                for ix in t.indexes
                if not (ix.implicit and cols[: len(ix.columns)] == ix.columns)
            ]
        new = Index(
            cols,
            norm(name) if name else None,
            unique,
            partial,
            self.at(line),
            snapshot=self.snapshot,
            predicate=predicate,
            implicit=implicit,
        )
        at = next((n for n, ix in enumerate(t.indexes) if _same_index(ix, new)), None)
        if at is not None:  # the snapshot already states this index: keep one copy
            if not self.snapshot:
                t.indexes[at] = new
            return
        if not self.snapshot:
            found = _redundant(t, new)
            if found is not None:
                self.schema.redundant.append(found)
        t.indexes.append(new)

    def drop_index(self, table: str | None, name: str | None, columns: Iterable[str] = ()) -> None:
        cols = tuple(norm(c) for c in columns)
        tables = (
            [self.schema.tables[norm(table)]]
            if table and norm(table) in self.schema.tables
            else (list(self.schema.tables.values()) if table is None else [])
        )
        for t in tables:
            t.indexes = [
                ix
                for ix in t.indexes
                if not (
                    (name and ix.name == norm(name))
                    or (name and ix.name is None and _default_name(t.name, ix, norm(name)))
                    or (not name and cols and ix.columns == cols)
                )
            ]

    def foreign_key(
        self, table: str, columns: Iterable[str], ref_table: str, line: int, ref: Iterable[str] = ()
    ) -> None:
        t = self.table(table, line)
        cols = tuple(norm(c) for c in columns)
        if any(fk.columns == cols for fk in t.foreign_keys):
            return
        for column in cols:
            t.columns.setdefault(column, Column(column, where=self.at(line)))
        t.foreign_keys.append(
            ForeignKey(cols, norm(ref_table), tuple(norm(r) for r in ref), self.at(line))
        )

    def drop_column(self, table: str, name: str) -> None:
        t = self.schema.table(table)
        if t is None:
            return
        key = norm(name)
        t.columns.pop(key, None)
        t.indexes = [ix for ix in t.indexes if key not in ix.columns]
        t.foreign_keys = [fk for fk in t.foreign_keys if key not in fk.columns]

    def rename_column(self, table: str, old: str, new: str) -> None:
        t = self.schema.table(table)
        if t is None:
            return
        before, after = norm(old), norm(new)
        column = t.columns.pop(before, None)
        if column is not None:
            column.name = after
            t.columns[after] = column
        rename = {before: after}
        t.primary_key = tuple(rename.get(c, c) for c in t.primary_key)
        for ix in t.indexes:
            ix.columns = tuple(rename.get(c, c) for c in ix.columns)
        for fk in t.foreign_keys:
            fk.columns = tuple(rename.get(c, c) for c in fk.columns)

    def drop_table(self, name: str) -> None:
        self.schema.tables.pop(norm(name), None)

    def rename_table(self, old: str, new: str) -> None:
        table = self.schema.tables.pop(norm(old), None)
        if table is not None:
            table.name = norm(new)
            self.schema.tables[table.name] = table
            for model, target in self.schema.models.items():
                if target == norm(old):
                    self.schema.models[model] = table.name


# No real table comes near it (InnoDB allows 64 secondary indexes per table).
MAX_INDEXES_PER_TABLE = 128


def _default_name(table: str, index: Index, name: str) -> bool:
    """Whether `name` is what PostgreSQL calls an index or unique constraint declared
    without a name (`<table>_<columns>_key`, `_idx`, `_key1` for a second one): a later
    migration drops it by that name."""
    columns = "_".join(c for c in index.columns if not c.startswith("("))
    if not columns:
        return False
    stem = f"{table}_{columns}_"
    if not name.startswith(stem):
        return False
    suffix = name[len(stem) :].rstrip("0123456789")
    return suffix in ({"key", "idx"} if index.unique else {"idx"})


def _same_index(old: Index, new: Index) -> bool:
    """The same index stated twice: by name, or (when one side is a snapshot and a
    name is missing) by columns, since a snapshot repeats what migrations built."""
    if old.name and new.name:
        return old.name == new.name
    if old.snapshot or new.snapshot:
        return old.columns == new.columns and old.unique == new.unique
    return False


def _redundant(table: Table, new: Index) -> Redundant | None:
    if new.partial or new.expressions or new.implicit:
        return None
    if table.primary_key and new.columns == table.primary_key:
        pk = Index(table.primary_key, "primary key", unique=True, where=table.where)
        return Redundant(table.name, new, pk, "unique" if new.unique else "duplicate")
    if not new.unique and table.primary_key[: len(new.columns)] == new.columns:
        # The primary key's own index leads with these columns (`PRIMARY KEY (a, b)`
        # serves lookups by `a`).
        pk = Index(table.primary_key, "primary key", unique=True, where=table.where)
        return Redundant(table.name, new, pk, "prefix")
    for other in table.indexes:
        if other.partial or other.expressions:
            continue
        if other.columns == new.columns:
            if new.unique and other.unique:
                return Redundant(table.name, new, other, "unique")
            if not new.unique:
                return Redundant(table.name, new, other, "duplicate")
        elif not new.unique and other.columns[: len(new.columns)] == new.columns:
            return Redundant(table.name, new, other, "prefix")
    return None
