"""Findings on API description files (OpenAPI, GraphQL, protobuf): a removal has no line
in the post-change file, so it is reported at the nearest line the change added, one
hit per line however many changes land there."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bot.models import ChangedFile
from bot.rules.engine import Hit


def nearest_added(line: int, added: frozenset[int]) -> int | None:
    """`line` when the change added it, else the closest added line (earlier on a tie)."""
    if line in added:
        return line
    if not added:
        return None
    return min(added, key=lambda n: (abs(n - line), n))


def placed(file: ChangedFile, line: int) -> tuple[int, str] | None:
    """Where a finding about `line` goes, and a note when it had to move."""
    target = nearest_added(line, file.added_lines)
    if target is None:
        # The change only removed lines: report at the line itself; the engine keeps
        # it as a file-level finding and anchoring sends it to the summary.
        return line, " (The change only removed lines: no line to comment on.)"
    note = "" if target == line else f" (Reported on the nearest changed line; see line {line}.)"
    return target, note


def grouped_hits(
    file: ChangedFile,
    rule_id: str,
    found: Iterable[tuple[str, int, str]],
    noun: str = "breaking change",
) -> Iterator[Hit]:
    """One hit per target line: the engine keeps a single finding per rule and line, and
    several removals can land on the same nearest added line."""
    by_line: dict[int, list[tuple[str, str]]] = {}
    for title, line, detail in found:
        where = placed(file, line)
        if where is not None:
            by_line.setdefault(where[0], []).append((title, detail + where[1]))
    for line, items in sorted(by_line.items()):
        title = items[0][0]
        if len(items) > 1:
            title = f"{title} (and {len(items) - 1} more {noun}(s))"
        detail = "\n".join(f"- {t} — {d}" for t, d in items) if len(items) > 1 else items[0][1]
        yield Hit(
            rule_id,
            file.path,
            line,
            detail=detail,
            title=title,
            file_level=not file.added_lines,
        )
