"""Findings for a terminal: grouped by file, one `path:line severity rule title` line
each, so editors and terminals can jump to them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import groupby

from bot import lazyre as re
from bot.models import Finding, ReviewResult, Severity

EXCERPT_CHARS = 160
MAX_SKIP_REASONS = 3

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_SEVERITY_STYLE = {
    Severity.HIGH: "\x1b[1;31m",
    Severity.MEDIUM: "\x1b[33m",
    Severity.LOW: "\x1b[36m",
    Severity.INFO: "\x1b[2m",
}
# Finding text quotes the reviewed code; escape sequences in it must not reach a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def severity_order() -> list[Severity]:
    """Worst first."""
    return sorted(Severity, key=lambda s: -s.rank)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def count_line(result: ReviewResult) -> str:
    """`3 findings (1 high, 2 medium) in 4 files reviewed, 2 skipped`."""
    reviewed = _plural(result.stats.files_reviewed, "file")
    skipped = len(result.skipped) or result.stats.files_skipped
    scope = f"{reviewed} reviewed" + (f", {skipped} skipped" if skipped else "")
    if not result.findings:
        return f"No problems found in {scope}"
    # One finding is one problem: reports of the same problem are already consolidated.
    counts = Counter(f.severity for f in result.findings)
    by_severity = ", ".join(f"{counts[s]} {s.value}" for s in severity_order() if counts[s])
    return f"{_plural(len(result.findings), 'problem')} ({by_severity}) in {scope}"


def clean(text: str) -> str:
    """One line of printable text: a finding must not reshape or recolour the output."""
    return " ".join(_CONTROL.sub("", text).split())


def location(finding: Finding) -> str:
    if finding.end_line > finding.line:
        return f"{finding.path}:{finding.line}-{finding.end_line}"
    return f"{finding.path}:{finding.line}"


def excerpt(body: str, limit: int = EXCERPT_CHARS) -> str:
    """The first paragraph of a body, on one line."""
    first = next((p for p in body.strip().split("\n\n") if p.strip()), "")
    flat = clean(first)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text


def _finding_lines(finding: Finding, style: _Style, body: bool) -> list[str]:
    severity = style(finding.severity.value, _SEVERITY_STYLE[finding.severity])
    head = f"{clean(location(finding))} {severity} {clean(finding.rule)} {clean(finding.title)}"
    lines = [f"  {head}"]
    if body and (text := excerpt(finding.body)):
        lines.append(style(f"      {text}", _DIM))
    for part in finding.also:
        who = f"rule {clean(part.rule)}" if part.source.value == "rules" else "AI review"
        where = f"{part.line}" if part.end_line <= part.line else f"{part.line}-{part.end_line}"
        lines.append(f"      also: {who} on {where}: {clean(part.title)}")
        if body and (text := excerpt(part.body)):
            lines.append(style(f"        {text}", _DIM))
    if not finding.inline:
        note = clean(finding.anchor_note or "could not be placed on a diff line")
        lines.append(f"      (not inline: {note})")
    return lines


def _files_section(findings: Sequence[Finding], style: _Style, body: bool) -> list[str]:
    lines: list[str] = []
    ordered = sorted(findings, key=lambda f: (f.path, f.line, -f.severity.rank, f.rule))
    for path, group in groupby(ordered, key=lambda f: f.path):
        items = list(group)
        lines.append(style(f"{clean(path)} ({_plural(len(items), 'problem')})", _BOLD))
        for finding in items:
            lines += _finding_lines(finding, style, body)
        lines.append("")
    return lines


def skipped_line(reasons: Iterable[str]) -> str:
    counts = Counter(clean(r) for r in reasons)
    total = sum(counts.values())
    top = [f"{reason} ({n})" for reason, n in counts.most_common(MAX_SKIP_REASONS)]
    more = ", …" if len(counts) > MAX_SKIP_REASONS else ""
    return f"Skipped {_plural(total, 'file')}: {', '.join(top)}{more}"


def render(result: ReviewResult, *, color: bool = False, body: bool = True) -> str:
    """Plain text; ANSI colours only with `color` (the CLI passes `isatty()`)."""
    style = _Style(color)
    lines = _files_section(result.findings, style, body)
    if result.skipped:
        lines.append(skipped_line(s.reason for s in result.skipped))
    lines += [f"note: {clean(note)}" for note in result.notes]
    if result.skipped or result.notes:
        lines.append("")
    worst = result.worst()
    summary = count_line(result)
    lines.append(style(summary, _SEVERITY_STYLE[worst]) if worst else summary)
    return "\n".join(lines) + "\n"
