"""Lines a change only moved: added lines whose text (whitespace aside) the same change
removes somewhere, in this file or another one, deleted files included.

A function cut from one module and pasted into another, or a block moved down a file,
shows as lines added; a finding on them is about code that was already there. The engine
sends such a security finding to the summary when every line it rests on was moved or
left alone (`bot.rules.engine.findings_of`), so a flow the change builds from a moved sink
and a new source is still commented on.

The removed lines are the whole change's (the rule engine only sees the backend files of
it), so the pipeline hands them over for the length of one review with `use(...)`; a
context variable keeps concurrent reviews apart. Findings are made in the parent process
(`bot.isolation` only runs checks in its child), so nothing has to cross into a child.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from bot.models import ChangedFile, LineType

# Shorter lines (`}`, `return nil`, `end`) are too common to say where code came from.
_MIN_KEY = 12

_REMOVED: ContextVar[frozenset[str] | None] = ContextVar("bastion_removed", default=None)


def key(text: str) -> str:
    return "".join(text.split())


def removed_keys(files: Iterable[ChangedFile]) -> frozenset[str]:
    """Every removed line of the change, whitespace taken out, that is long enough to
    identify code."""
    found: set[str] = set()
    for file in files:
        for hunk in file.hunks:
            for ln in hunk.lines:
                if ln.type is not LineType.REMOVED:
                    continue
                # A file saved with classic Mac line ends is one line to git.
                for part in ln.text.split("\r"):
                    k = key(part)
                    if len(k) >= _MIN_KEY and any(c.isalpha() for c in k):
                        found.add(k)
    return frozenset(found)


@contextmanager
def use(files: Iterable[ChangedFile]) -> Iterator[None]:
    token = _REMOVED.set(removed_keys(files))
    try:
        yield
    finally:
        _REMOVED.reset(token)


def moved_lines(file: ChangedFile, removed: frozenset[str] | None = None) -> frozenset[int]:
    """The added lines of `file` whose text the change removes somewhere. Without
    `removed`, the removed lines of the review in progress (none outside `use`)."""
    removed = _REMOVED.get() if removed is None else removed
    if not removed:
        return frozenset()
    return frozenset(
        ln.new_no
        for hunk in file.hunks
        for ln in hunk.lines
        if ln.type is LineType.ADDED and ln.new_no is not None and key(ln.text) in removed
    )
