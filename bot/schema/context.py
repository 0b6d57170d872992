"""The schema (and the table sizes the config declares) for the checks of one review.

The pipeline builds the schema from the repository's files and runs the rules inside
`use(...)`; checks read it with `current()`. A context variable keeps concurrent reviews
(worker threads, asyncio tasks) from seeing each other's schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from bot.schema.model import Schema, norm


@dataclass(frozen=True)
class SchemaContext:
    schema: Schema
    large_tables: frozenset[str] = field(default_factory=frozenset)
    small_tables: frozenset[str] = field(default_factory=frozenset)


_CURRENT: ContextVar[SchemaContext | None] = ContextVar("bastion_schema", default=None)


@contextmanager
def use(
    schema: Schema, *, large_tables: Iterable[str] = (), small_tables: Iterable[str] = ()
) -> Iterator[SchemaContext]:
    context = SchemaContext(
        schema,
        frozenset(norm(t) for t in large_tables),
        frozenset(norm(t) for t in small_tables),
    )
    token = _CURRENT.set(context)
    try:
        yield context
    finally:
        _CURRENT.reset(token)


def current() -> SchemaContext | None:
    return _CURRENT.get()
