"""Breaking changes to the API that route code declares (rule `api-breaking-change`,
reported under its old id `route-breaking-change`).

Most services have no committed API description: the contract is the code. The
extractor (`bot.routes_contract`) reads each endpoint's method, path, parameters and
request/response fields from both versions of every route file of the change; the
diff reports what breaks callers. It is a batch check because a handler moved to
another file of the same change is not a removed endpoint.

Something removed has no line in the new file: it is reported on an added line of the
same hunk when there is one (a rename), else on the nearest added line with a note,
else — the change only deleted lines — as a file-level finding for the summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from bot.models import ChangedFile, FileKind, FileStatus, LineType
from bot.routes_contract import LANGUAGES, declares_routes, extract
from bot.routes_contract.diff import Change, Version, compare
from bot.routes_contract.model import Contract
from bot.rules.engine import Check, Hit, Rule, catalog_rule
from bot.select import is_test_path

RULE_ID = "route-breaking-change"


def _placed(file: ChangedFile, base_line: int) -> tuple[int, str, bool]:
    """(line, note, file_level) for something that was on `base_line` and is gone."""
    for hunk in file.hunks:
        if not hunk.old_start <= base_line < hunk.old_start + max(hunk.old_length, 1):
            continue
        rows = list(hunk.lines)
        at = next((i for i, r in enumerate(rows) if r.old_no == base_line), 0)
        added = [(abs(i - at), r.new_no) for i, r in enumerate(rows) if r.type is LineType.ADDED]
        if added:
            line = min(added)[1]
            assert line is not None
            return line, "", False
        following = next((r.new_no for r in rows[at:] if r.new_no is not None), hunk.new_start)
        return _nearest(file, following)
    return _nearest(file, base_line)


def _nearest(file: ChangedFile, line: int) -> tuple[int, str, bool]:
    if not file.added_lines:
        note = " (The change only removed lines: no line to comment on.)"
        return max(line, 1), note, True
    target = min(file.added_lines, key=lambda n: (abs(n - line), n))
    return target, f" (Reported on the nearest changed line; it was near line {line}.)", False


def _hits(changes: list[Change], by_path: dict[str, ChangedFile]) -> Iterator[Hit]:
    """One hit per file and line: the engine keeps one finding per rule and line."""
    grouped: dict[tuple[str, int], list[tuple[Change, str]]] = {}
    file_level: set[tuple[str, int]] = set()
    for change in changes:
        file = by_path.get(change.path)
        if file is None:
            continue
        if not change.line:
            line, note, whole = _placed(file, change.removed_line)
        elif change.line in file.added_lines:
            line, note, whole = change.line, "", False
        else:  # caused elsewhere (a DRF `lookup_field`, a class-level prefix)
            line, note, whole = _nearest(file, change.line)
        grouped.setdefault((change.path, line), []).append((change, note))
        if whole:
            file_level.add((change.path, line))
    for (path, line), items in sorted(grouped.items()):
        first = items[0][0]
        title = first.title
        if len(items) > 1:
            title += f" (and {len(items) - 1} more breaking change(s))"
        detail = "\n".join(f"- Check `{c.check}`: {c.title}. {c.detail}{note}" for c, note in items)
        yield Hit(
            RULE_ID,
            path,
            line,
            title=title,
            detail=detail,
            file_level=(path, line) in file_level,
        )


def _head_text(file: ChangedFile) -> str | None:
    if file.content is not None:
        return file.content
    return file.visible_text() if file.status is FileStatus.ADDED else None


class RouteContract(Check):
    name = "route-contract"
    languages = LANGUAGES
    kinds = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA})
    batch = True

    def __init__(self, rule: Rule) -> None:
        self.rules = (rule,)

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        files = [f for f in files if not is_test_path(f.path)]
        compared = [f for f in files if f.base_content is not None and _head_text(f) is not None]
        if not compared:
            return []
        versions: list[Version] = []
        for file in files:
            head_text = _head_text(file)
            if file in compared:
                assert file.base_content is not None and head_text is not None
                base = extract(file.previous_path or file.path, file.base_content)
                head = extract(file.path, head_text)
            elif head_text is not None and declares_routes(file.path, head_text):
                # Only where endpoints may have moved to, or types may live.
                base = Contract() if file.status is FileStatus.ADDED else None
                head = extract(file.path, head_text)
            else:
                continue
            versions.append(Version(file.path, base, head))
        by_path = {f.path: f for f in files}
        return list(_hits(compare(versions), by_path))


RULE = catalog_rule(RULE_ID)

CHECKS: list[Check] = [RouteContract(RULE)]
