"""Code a change moves rather than writes: added lines whose text, spaces aside, the same
change removes somewhere (another place in the file, another file, a file it deletes).
Splitting `views.py` into a package or moving a handler into its own module re-adds
every line; a security finding there is about code that was already running, so it goes
to the summary, as a re-indented line does."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from bot import lazyre as re
from bot.models import Category, ChangedFile, Finding, LineType, Severity

# Shorter lines (`}`, `return x`, `else:`) recur everywhere: their twin elsewhere says
# nothing about where the line came from.
_MIN_KEY = 12
# A flow's evidence lines beyond its own, as the taint engine writes them in the body.
_SOURCES = re.compile(r"Flow: CWE-\d+ sink line \d+; source lines ([\d, ]+)\.")
_CALLS = re.compile(r"\(called on line (\d+)\)")
_FROM = re.compile(r"Flow from: (\S+) lines? ([\d, ]+)\.")
MOVED_NOTE = (
    "The change removes these same lines elsewhere: the code moved here rather than being "
    "written, and it ran before this change, so it is noted in the summary rather than "
    "commented on."
)


def _key(text: str) -> str:
    return "".join(text.split())


def moved_lines(files: Sequence[ChangedFile]) -> dict[str, frozenset[int]]:
    """Per path, the added lines whose text the change removes somewhere, each removed
    line standing for one added line."""
    removed: Counter[str] = Counter()
    for f in files:
        for hunk in f.hunks:
            for ln in hunk.lines:
                if ln.type is LineType.REMOVED:
                    key = _key(ln.text)
                    if len(key) >= _MIN_KEY:
                        removed[key] += 1
    out: dict[str, frozenset[int]] = {}
    if not removed:
        return out
    for f in files:
        found: set[int] = set()
        for hunk in f.hunks:
            for ln in hunk.lines:
                if ln.type is not LineType.ADDED or ln.new_no is None:
                    continue
                key = _key(ln.text)
                if removed.get(key, 0) > 0:
                    removed[key] -= 1
                    found.add(ln.new_no)
        if found:
            out[f.path] = frozenset(found)
    return out


def _numbers(text: str) -> list[int]:
    return [int(n) for n in text.replace(",", " ").split()]


def _evidence(finding: Finding) -> Iterable[tuple[str, int]]:
    yield from ((finding.path, n) for n in range(finding.line, finding.end_line + 1))
    yield from ((finding.path, int(n)) for n in _CALLS.findall(finding.body))
    for found in _SOURCES.finditer(finding.body):
        yield from ((finding.path, n) for n in _numbers(found.group(1)))
    for found in _FROM.finditer(finding.body):
        yield from ((found.group(1), n) for n in _numbers(found.group(2)))


def moved_to_summary(findings: list[Finding], files: Sequence[ChangedFile]) -> list[Finding]:
    """Security findings whose every added line of evidence (its own lines, a flow's
    source and call lines) was moved, not written, go to the summary."""
    candidates = {
        id(f)
        for f in findings
        if f.category is Category.SECURITY and f.severity is not Severity.INFO
    }
    if not candidates:
        return findings
    moved = moved_lines(files)
    if not moved:
        return findings
    added = {f.path: f.added_lines for f in files}
    out: list[Finding] = []
    for finding in findings:
        if id(finding) in candidates and _only_moved(finding, added, moved):
            finding = finding.model_copy(
                update={"severity": Severity.INFO, "body": f"{finding.body}\n\n{MOVED_NOTE}"}
            )
        out.append(finding)
    return out


def _only_moved(
    finding: Finding,
    added: dict[str, frozenset[int]],
    moved: dict[str, frozenset[int]],
) -> bool:
    touched = False
    for path, line in _evidence(finding):
        if line not in added.get(path, frozenset()):
            continue  # context: old either way
        if line not in moved.get(path, frozenset()):
            return False
        touched = True
    return touched
