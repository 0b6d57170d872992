"""The tables a change touches, most relevant first, for the `<schema>` part of a request.

The review's schema model (`bot.schema.context`, built by the pipeline from the
repository's migrations, schema dumps and models) knows every table; the model needs
only the ones this change works on, ranked so that a token budget cuts the least
useful ones:

1. tables a query on an added line reads (ORM calls and raw SQL, resolved by
   `bot.schema.code_query` exactly as the indexing checks resolve them);
2. tables an added line of a migration or model declares or alters;
3. tables or model classes an added line names (an insert, a relation, a raw SQL
   statement the query reader does not judge);
4. tables declared elsewhere in a changed schema file.

Without a schema model (a plain diff with no repository) there is nothing to add:
tables the diff declares are in the diff already.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot import lazyre as re
from bot.models import ChangedFile
from bot.schema.model import Schema, Table, Where
from bot.schema.render import table_line

log = logging.getLogger("bastion.agent")

# Words too common in code to mean a table when a line merely contains them.
_TOO_COMMON = frozenset({"id", "data", "type", "value", "name", "key", "items", "status", "user"})


@dataclass
class Touched:
    """Table name -> (rank, order seen) and the columns the change's queries use."""

    ranks: dict[str, tuple[int, int]] = field(default_factory=dict)
    focus: dict[str, set[str]] = field(default_factory=dict)

    def add(self, table: str, rank: int) -> None:
        seen = self.ranks.get(table)
        if seen is None:
            self.ranks[table] = (rank, len(self.ranks))
        elif rank < seen[0]:
            self.ranks[table] = (rank, seen[1])

    def ordered(self) -> list[str]:
        return sorted(self.ranks, key=lambda name: self.ranks[name])


def _queried(schema: Schema, file: ChangedFile, touched: Touched) -> None:
    # Imported here: it loads sqlglot, which only a review with a schema needs.
    from bot.schema.code_query import queries

    for query in queries(file.visible_text(), file.language or "", schema):
        if query.line in file.added_lines:
            touched.add(query.table.name, 1)
            use = query.use
            touched.focus.setdefault(query.table.name, set()).update(
                c for c in use.filters + use.joins + use.orders if not c.startswith("(")
            )


def _declared_in(table: Table) -> Iterable[Where]:
    if table.where is not None:
        yield table.where
    yield from (c.where for c in table.columns.values() if c.where is not None)
    yield from (ix.where for ix in table.indexes if ix.where is not None)
    yield from (fk.where for fk in table.foreign_keys if fk.where is not None)


def _declared(schema: Schema, files: Sequence[ChangedFile], touched: Touched) -> None:
    added = {f.path: f.added_lines for f in files}
    for table in schema.tables.values():
        for where in _declared_in(table):
            lines = added.get(where.path)
            if lines is None:
                continue
            touched.add(table.name, 2 if where.line in lines else 4)


def _named(schema: Schema, files: Sequence[ChangedFile], touched: Touched) -> None:
    words: dict[str, str] = {
        name: name for name in schema.tables if len(name) > 2 and name not in _TOO_COMMON
    }
    for model, table in schema.models.items():
        if table in schema.tables and len(model) > 2 and model[:1].isupper():
            words.setdefault(model, table)
    if not words:
        return
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"
    )
    for file in files:
        for text in file.added_text().values():
            for match in pattern.finditer(text):
                touched.add(words[match.group(1)], 3)


def touched_tables(schema: Schema, files: Sequence[ChangedFile]) -> Touched:
    touched = Touched()
    for file in files:
        if file.added_lines:
            _queried(schema, file, touched)
    _declared(schema, files, touched)
    _named(schema, files, touched)
    return touched


def schema_lines(schema: Schema, files: Sequence[ChangedFile]) -> list[str]:
    """One line per touched table, most relevant first; [] when the schema says
    nothing about this change (or reading it failed: the review goes on without)."""
    if not schema.tables:
        return []
    try:
        touched = touched_tables(schema, files)
    except Exception:  # a reader's bug costs the schema lines, never the review
        log.warning("tables touched by the change not found", exc_info=True)
        return []
    return [
        table_line(schema.tables[name], touched.focus.get(name, ())) for name in touched.ordered()
    ]


def current_schema_lines(files: Sequence[ChangedFile]) -> list[str]:
    """`schema_lines` for the review's schema model, when the pipeline built one."""
    from bot.schema.context import current

    context = current()
    return schema_lines(context.schema, files) if context is not None else []
