"""Indexing advice that knows the schema: queries on columns no index leads with,
foreign keys without an index, indexes another one already provides, predicates
wrapped in a function without an expression index.

The schema comes from `bot.schema.context` (the pipeline builds it from the whole
repository); without one, from the schema-bearing files of the review itself. A table
or column the schema does not know produces nothing.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from bot import lazyre as re
from bot.models import ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib import old_code, orm_keys
from bot.schema.advice import index_line
from bot.schema.context import current
from bot.schema.model import Schema, Table
from bot.schema.sources import build_schema, candidate
from bot.select import is_test_path

if TYPE_CHECKING:
    from bot.schema.code_query import Query

QUERY_ID = "query-on-unindexed-column"
FK_ID = "foreign-key-not-indexed"
REDUNDANT_ID = "redundant-index"
FUNCTION_ID = "function-predicate-without-index"

_CODE_LANGUAGES = frozenset(
    {"python", "ruby", "javascript", "typescript", "go", "php", "java", "kotlin"}
)
_SCHEMA_LANGUAGES = frozenset(
    {"python", "ruby", "javascript", "typescript", "go", "php", "java", "kotlin", "sql", "prisma"}
)
SIZE_NOTE = (
    "Whether this costs anything depends on how many rows `{table}` holds, which the "
    "repository does not show (list it under `large_tables:` or `small_tables:` in "
    "`.github/bastion.yml`)."
)

_CACHE: dict[tuple[tuple[str, int], ...], Schema] = {}


def schema_for(files: Sequence[ChangedFile]) -> tuple[Schema, frozenset[str], frozenset[str]]:
    """The review's schema and table sizes: the context's, else the changed files'."""
    context = current()
    if context is not None:
        return context.schema, context.large_tables, context.small_tables
    texts = {f.path: f.visible_text() for f in files if candidate(f.path)}
    key = tuple(sorted((p, hash(t)) for p, t in texts.items()))
    if key not in _CACHE:
        _CACHE.clear()  # one review at a time: keep memory flat
        _CACHE[key] = build_schema(texts)
    return _CACHE[key], frozenset(), frozenset()


def _size_note(table: str, large: frozenset[str], small: frozenset[str]) -> str:
    if table in large:
        return f"`{table}` is listed under `large_tables:`: expect a scan of many rows."
    if table in small:
        return f"`{table}` is listed under `small_tables:`: a scan stays cheap today."
    return SIZE_NOTE.format(table=table)


def _reported_by_orm_indexes(files: Sequence[ChangedFile]) -> set[tuple[str, int]]:
    """Lines `orm_indexes` already flags (a key or index judged within its own file):
    one comment per line, not two rules saying the same thing."""
    from bot.rules.lib import orm_keys

    return {(h.path, h.line) for f in files if orm_keys.reads(f) for h in orm_keys.index_hits(f)}


def _code_files(files: Sequence[ChangedFile]) -> Iterator[ChangedFile]:
    for file in files:
        if file.kind in {FileKind.CODE, FileKind.ORM_SCHEMA} and not is_test_path(file.path):
            yield file


class _SchemaCheck(Check):
    batch = True
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA, FileKind.MIGRATION, FileKind.SQL})


def _partial_serves(table: Table, column: str, filters: Sequence[str]) -> bool:
    """Whether a partial index leading with `column` serves a query on `filters`: the
    query names every column of the index's WHERE (`state = 'open'` with
    `where(state: "open")`), so it can repeat the predicate. An index whose WHERE we
    could not read serves nothing."""
    for index in table.indexes:
        if not index.partial or index.lead != column:
            continue
        words = {w.split("__")[0].lower() for w in re.findall(r"[A-Za-z_]\w*", index.predicate)}
        named = {w for w in words if w in table.columns}
        if named and named <= set(filters):
            return True
    return False


def _judge(query: Query) -> tuple[str, list[str], str] | None:
    """(rule, columns to index, what is wrong) for a query the indexes do not serve."""
    table, use = query.table, query.use
    plain = [c for c in use.filters if not c.startswith("(")]
    wrapped = [c for c in use.filters if c.startswith("(")]
    if use.filters:
        named = [*plain, *use.nulls]
        if any(table.leads(c) or _partial_serves(table, c, named) for c in plain) or any(
            table.has_expression(e) for e in wrapped
        ):
            return None
        if wrapped:
            return FUNCTION_ID, wrapped[:1], f"filters on `{wrapped[0][1:-1]}`"
        return QUERY_ID, plain[:2], "filters on " + ", ".join(f"`{c}`" for c in plain)
    for column in use.joins:
        if not table.leads(column):
            return QUERY_ID, [column], f"joins on `{column}`"
    if use.orders and not table.leads(use.orders[0]) and not use.orders[0].startswith("("):
        return QUERY_ID, use.orders[:1], f"sorts by `{use.orders[0]}`"
    return None


def _signature(query: Query) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    use = query.use
    return (
        query.table.name,
        tuple(sorted(use.filters)),
        tuple(sorted(use.joins)),
        tuple(use.orders),
    )


def _old_queries(file: ChangedFile, found: Sequence[Query], schema: Schema) -> set[object]:
    """The queries of `file` (by table and columns) it held at least as often before the
    change."""
    from bot.schema.code_query import queries

    base = old_code.base_text(file)
    if base is None:
        return set()
    before = Counter(_signature(q) for q in queries(base, file.language or "", schema))
    now = Counter(_signature(q) for q in found)
    return {sig for sig, n in now.items() if before[sig] >= n}


class UnindexedQueries(_SchemaCheck):
    name = "schema-queries"
    languages = _CODE_LANGUAGES

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        schema, large, small = schema_for(files)
        if not schema.tables:
            return
        # Imported here: it loads sqlglot, which only a review with a schema needs.
        from bot.schema.code_query import queries

        for file in _code_files(files):
            if not file.added_lines:
                continue
            found = list(queries(file.visible_text(), file.language or "", schema))
            judged = [(q, v) for q in found if q.line in file.added_lines and (v := _judge(q))]
            # A formatter pass (`rubocop -a`) rewrites a query's line without adding it:
            # the index it lacks is not this change's to add.
            reformatted = old_code.reformatted_lines(file) if judged else set()
            old = _old_queries(file, found, schema) if reformatted else set()
            for query, verdict in judged:
                if query.line in reformatted and _signature(query) in old:
                    continue
                rule, columns, what = verdict
                table = query.table
                known = (
                    ", ".join(
                        f"`{ix.name or ', '.join(ix.columns)}` ({', '.join(ix.columns)})"
                        for ix in table.indexes[:4]
                    )
                    or "none besides the primary key"
                )
                detail = (
                    f"This query on `{table.name}` {what}; no index of `{table.name}` starts with "
                    f"{'that expression' if rule == FUNCTION_ID else 'that column'}"
                    f" (indexes: {known}). "
                    f"Add one:\n\n```\n{index_line(table, columns)}\n```\n\n"
                    + _size_note(table.name, large, small)
                )
                shown = ", ".join(c[1:-1] if c.startswith("(") else c for c in columns)
                title = f"`{table.name}` queried on {shown} without an index"
                yield Hit(rule, file.path, query.line, detail=detail, title=title)


class ForeignKeysNotIndexed(_SchemaCheck):
    name = "schema-foreign-keys"
    languages = _SCHEMA_LANGUAGES

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        schema, large, small = schema_for(files)
        paths = {f.path for f in files}
        already = _reported_by_orm_indexes(files)
        for table in schema.tables.values():
            for fk in table.foreign_keys:
                if fk.where is None or fk.where.path not in paths or not fk.columns:
                    continue
                if table.leads(fk.columns[0]) or table.primary_key[: len(fk.columns)] == fk.columns:
                    continue
                if (fk.where.path, fk.where.line) in already:
                    continue
                detail = (
                    f"`{table.name}.{', '.join(fk.columns)}` references `{fk.ref_table}`"
                    " and no index "
                    f"of `{table.name}` starts with it, in this change or anywhere else in the "
                    "repository's schema. Add one:\n\n"
                    f"```\n{index_line(table, list(fk.columns))}\n```\n\n"
                    + _size_note(table.name, large, small)
                )
                yield Hit(
                    FK_ID,
                    fk.where.path,
                    fk.where.line,
                    detail=detail,
                    title=f"Foreign key `{table.name}.{fk.columns[0]}` has no index",
                )


def _parallel_copy(path: str, other: str) -> bool:
    """Two SQL migration files of one name in different folders."""
    return (
        path != other
        and path.lower().endswith(".sql")
        and posixpath.basename(path) == posixpath.basename(other)
        and posixpath.dirname(path) != posixpath.dirname(other)
    )


def _companion(path: str, other: str) -> bool:
    """Two files of one migration: same folder, another extension, and the same name or
    one name extending the other (`0060_x.py`, `0060_x.sql`, `0060_x_customers.sql`)."""
    (one, one_ext), (two, two_ext) = posixpath.splitext(path), posixpath.splitext(other)
    if one_ext == two_ext or posixpath.dirname(path) != posixpath.dirname(other):
        return False
    return one == two or one.startswith(two + "_") or two.startswith(one + "_")


# Both indexes declared by one baseline, squash or dump this change adds: installs that
# have the schema keep both whatever this file says, so the drop belongs in a new
# migration (judged: a dev container's `1_baseline.sql`).
_RESTATED_NOTE = (
    "Both are declared by this file, a baseline that restates a schema: the drop belongs "
    "in a new migration; noted in the summary."
)


class RedundantIndexes(_SchemaCheck):
    name = "schema-redundant-indexes"
    languages = _SCHEMA_LANGUAGES

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        schema, _large, _small = schema_for(files)
        paths = {f.path for f in files}
        by_path = {f.path: f for f in files}
        already = _reported_by_orm_indexes(files)
        for found in schema.redundant:
            where = found.index.where
            if where is None or where.path not in paths or (where.path, where.line) in already:
                continue
            other = found.other
            if (
                other.where is not None
                and other.where.path != where.path
                and (other.where.path in paths)
            ):
                # The "existing" index is another declaration in this same change: the
                # regenerated dump, a schema snapshot, the other dialect's copy or the
                # rollback file. They restate the new index; they do not duplicate it.
                continue
            if other.where is not None and _companion(where.path, other.where.path):
                # The same migration written twice, beside each other: Django's
                # `0060_x.py` and the `0060_x.sql` that `sqlmigrate` printed for it (applied
                # by hand or kept for review). One of the two builds the index.
                continue
            if other.where is not None and _parallel_copy(where.path, other.where.path):
                # The same migration kept once per database or driver
                # (`pgx/…/001_create_x.up.sql`, `sqlite/…/001_create_x.up.sql`): each
                # database gets one of the two indexes, never both.
                continue
            restated = (
                other.where is not None
                and other.where.path == where.path
                and (file := by_path.get(where.path)) is not None
                and {where.line, other.where.line} <= file.added_lines
                and orm_keys.restated_baseline(file)
            )
            other_where = f" ({other.where.path}:{other.where.line})" if other.where else ""
            other_name = f"`{other.name}`" if other.name else "an index"
            cols = ", ".join(found.index.columns)
            if found.kind == "unique":
                what = f"a unique constraint on ({cols}) already exists: {other_name}{other_where}"
            elif found.kind == "duplicate":
                what = f"{other_name}{other_where} already indexes ({cols})"
            else:
                what = (
                    f"({cols}) is a left prefix of {other_name} "
                    f"({', '.join(other.columns)}){other_where}, "
                    "which serves the same lookups"
                )
            yield Hit(
                REDUNDANT_ID,
                where.path,
                where.line,
                detail=(
                    f"On `{found.table}`, {what}. The new index only adds write and storage cost."
                    + (f" {_RESTATED_NOTE}" if restated else "")
                ),
                title=f"Index on `{found.table}` ({cols}) duplicates an existing one",
                severity=Severity.INFO if restated else None,
            )


QUERY_RULE = catalog_rule(QUERY_ID)
FK_RULE = catalog_rule(FK_ID)
REDUNDANT_RULE = catalog_rule(REDUNDANT_ID)
FUNCTION_RULE = catalog_rule(FUNCTION_ID)

UnindexedQueries.rules = (QUERY_RULE, FUNCTION_RULE)
ForeignKeysNotIndexed.rules = (FK_RULE,)
RedundantIndexes.rules = (REDUNDANT_RULE,)
CHECKS: list[Check] = [UnindexedQueries(), ForeignKeysNotIndexed(), RedundantIndexes()]
