"""Place findings on diff lines, and give each a fingerprint. Pure functions.

GitHub accepts a review comment only on a RIGHT-side line inside one hunk, and a
range only when both ends are in the same hunk. Anything else would make GitHub
reject the whole review, so it is decided here, before publishing: a finding
either gets a valid anchor or becomes a summary item that says why.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from bot import lazyre as re
from bot.models import ChangedFile, FileStatus, Finding, Source

_SPACE = re.compile(r"\s+")
# A finding's text is read over at most this many lines: ranges come from the AI's
# answer too, and one claiming lines 5 to 10**12 must cost no more than a long function.
MAX_SPAN_LINES = 2_000


def anchor(finding: Finding, file: ChangedFile | None) -> Finding:
    """Return the finding with a valid RIGHT-side anchor, or marked `inline=False`."""
    if file is None:
        return _unanchored(finding, f"{finding.path} is not part of this diff")
    if file.status is FileStatus.DELETED:
        return _unanchored(finding, f"{finding.path} is deleted by this change")
    start, end = sorted((finding.line, finding.end_line))
    # The shorter walk: the range (a few lines, as a rule), or the file's commentable
    # lines when the range is longer, as one from the AI's answer may be (5 to 10**12).
    if end - start < len(file.commentable_lines):
        in_range = [n for n in range(start, end + 1) if n in file.commentable_lines]
    else:
        in_range = sorted(n for n in file.commentable_lines if start <= n <= end)
    if not in_range:
        where = f"line {start}" if start == end else f"lines {start}-{end}"
        return _unanchored(finding, f"{where} of {finding.path} are not part of the diff")
    last = in_range[-1]
    hunk = file.hunk_of(last)
    hunk_lines = hunk.right_lines() if hunk is not None else {last}
    first = min(n for n in in_range if n in hunk_lines)
    narrowed = (first, last) != (start, end)
    return finding.model_copy(
        update={
            "line": first,
            "end_line": last,
            "inline": True,
            "anchor_note": None,
            # A suggestion replaces exactly the flagged lines; once the range moved
            # it would replace the wrong ones.
            "suggestion": None if narrowed else finding.suggestion,
        }
    )


def _unanchored(finding: Finding, note: str) -> Finding:
    return finding.model_copy(update={"inline": False, "anchor_note": note, "suggestion": None})


def normalized_text(file: ChangedFile | None, start: int, end: int) -> str:
    if file is None:
        return ""
    lines = (file.line_text(n) for n in range(start, min(end, start + MAX_SPAN_LINES) + 1))
    return "\n".join(_SPACE.sub(" ", text).strip() for text in lines if text is not None)


def fingerprint_key(finding: Finding, file: ChangedFile | None) -> str:
    """What identifies a finding across pushes: never its line number or prose."""
    identity = finding.rule if finding.source is Source.RULES else f"llm:{finding.category}"
    text = normalized_text(file, finding.line, finding.end_line) or finding.title.lower()
    return "\x1f".join((identity, finding.path, text))


def with_fingerprints(
    findings: Iterable[Finding], files: Mapping[str, ChangedFile]
) -> list[Finding]:
    """Fingerprint each finding. Identical flagged text twice in one file is told
    apart by its order of occurrence, which survives unrelated lines moving."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.rule))
    digests = fingerprints(ordered, files)
    return [f.model_copy(update={"fingerprint": d}) for f, d in zip(ordered, digests, strict=True)]


def fingerprints(findings: Sequence[Finding], files: Mapping[str, ChangedFile]) -> list[str]:
    """The fingerprint of each finding, in the order given (see `with_fingerprints`)."""

    def place(index: int) -> tuple[str, int, str]:
        finding = findings[index]
        return finding.path, finding.line, finding.rule

    order = sorted(range(len(findings)), key=place)
    lines_of: dict[str, list[int]] = defaultdict(list)
    out = [""] * len(findings)
    for index in order:
        finding = findings[index]
        key = fingerprint_key(finding, files.get(finding.path))
        seen = lines_of[key]
        if finding.line not in seen:
            seen.append(finding.line)
        occurrence = seen.index(finding.line) + 1
        out[index] = hashlib.sha256(f"{key}\x1e{occurrence}".encode()).hexdigest()[:20]
    return out


def anchor_all(findings: Iterable[Finding], files: Mapping[str, ChangedFile]) -> list[Finding]:
    return [anchor(f, files.get(f.path)) for f in findings]
