"""The review summary as GitHub-flavoured Markdown, and `sanitize()` for any text
that reaches GitHub.

Finding text is untrusted: it quotes the code under review, and LLM output can be
steered by that code. On GitHub it must not ping people, render HTML, fake the
hidden markers the publisher dedupes on, or break the tables around it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from bot import lazyre as re
from bot.models import Category, Finding, ReviewResult, Source
from bot.report.text import count_line, location, severity_order

# GitHub rejects bodies over 65,536 characters; keep a margin for the publisher's markers.
MAX_BODY_CHARS = 65_000
TRUNCATED = "\n\n_… truncated: the rest did not fit in one GitHub comment._\n"
# What fits in one comment; the JSON/SARIF outputs and the check run carry the rest.
MAX_SKIPPED_LISTED = 200
MAX_FINDINGS_LISTED = 300
MAX_EXPLAINED_BODY = 1_500
EXPLANATIONS_BUDGET = 30_000

ENGINE_NAMES = {"rules": "rule engine", "llm": "AI review"}

# Elements GitHub renders (plus the script-like ones): the tags finding text could use
# to change how a review looks. Other `<Name>` text (generics like `List<String>`) is
# left alone; GitHub drops unknown tags itself.
_HTML_ELEMENTS = frozenset(
    """
    a abbr audio b bdi bdo big blockquote br button caption center cite code col colgroup dd
    del details dfn div dl dt em embed figcaption figure font form h1 h2 h3 h4 h5 h6 hr i
    iframe img input ins kbd label li link main mark meta nav noscript ol p picture plaintext
    pre q rp rt ruby s samp script section small source span strike strong style sub summary
    sup svg table tbody td textarea tfoot th thead time tr track tt u ul var video wbr xmp
    """.split()  # noqa: SIM905
)
_OURS = re.compile(r"<!-- bastion:[^<>]*? -->|</?summary>|<details(?: open)?>|</details>", re.I)
# The flow engine's machine-readable lines (read by consolidation); the prose line above
# them already tells the reader the same flow.
_MACHINE_LINES = re.compile(r"^Flow(?: from)?: [^\n]{0,500}\n?", re.M)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^<>]*)?>")
_MARKUP_OPENER = re.compile(r"<(?=[!?])")
_MENTION = re.compile(r"(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
# A line a Markdown parser may read as the start of an HTML block; inside one, a
# fence is not code, so nothing after it may be trusted as code.
_HTML_BLOCK_START = re.compile(r"^ {0,3}<[A-Za-z/!?]")


def sanitize(text: str, *, limit: int = MAX_BODY_CHARS, allow_ours: bool = True) -> str:
    """Make text safe to post on GitHub.

    Neutralizes @mentions (a zero-width space after `@`), strips HTML tags and
    comments, and caps the length below GitHub's limit. Fenced code blocks are left
    untouched, so suggestions stay byte-exact. With `allow_ours` (the default, for a
    body Bastion composed) its own `<!-- bastion:... -->` markers and
    `<details>`/`<summary>` survive; pass `allow_ours=False` for untrusted fragments,
    so they cannot forge a marker.
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = [_clean_prose(part, allow_ours) if not code else part for part, code in _segments(text)]
    return cap("".join(out), limit)


def _segments(text: str) -> Iterable[tuple[str, bool]]:
    """Split into (chunk, is_code) where code is a closed fenced block outside any HTML
    block. Anything uncertain counts as prose, which only means more gets escaped."""
    lines = _lines(text)
    prose: list[str] = []
    i = 0
    in_html = False
    # Shortest fence per character already known to have no closer below it; a
    # longer or later one has none either. Keeps hostile input linear.
    unclosed: dict[str, int] = {}
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            in_html = False
        elif _HTML_BLOCK_START.match(line):
            in_html = True
        close = None if in_html else _fence_end(lines, i, unclosed)
        if close is None:
            prose.append(line)
            i += 1
            continue
        if prose:
            yield "".join(prose), False
            prose = []
        yield "".join(lines[i : close + 1]), True
        i = close + 1
    if prose:
        yield "".join(prose), False


def _lines(text: str) -> list[str]:
    """Lines as Markdown sees them: `str.splitlines` would also break at U+2028 and
    friends, and so find fences GitHub does not."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _fence_end(lines: Sequence[str], start: int, unclosed: dict[str, int]) -> int | None:
    """Index of the line closing a fence opened at `start`, or None."""
    opening = _FENCE.match(lines[start].rstrip("\n"))
    if opening is None:
        return None
    fence, info = opening.groups()
    if fence[0] == "`" and "`" in info:
        return None  # CommonMark: not a fence, an inline code span
    if len(fence) >= unclosed.get(fence[0], len(fence) + 1):
        return None
    for j in range(start + 1, len(lines)):
        closing = _FENCE.match(lines[j].rstrip("\n"))
        if closing is None or closing.group(2).strip():
            continue
        if closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
            return j
    unclosed[fence[0]] = len(fence)
    return None


def _clean_prose(text: str, allow_ours: bool) -> str:
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    if allow_ours:
        text = _OURS.sub(keep, text)
    text = _strip_tags(text)
    text = _MARKUP_OPENER.sub("&lt;", text)  # comments, <!DOCTYPE, <?...: never ours here
    text = _MENTION.sub("@\u200b", text)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)


def _strip_tags(text: str) -> str:
    # Repeat: removing `<img>` from `<<img>details>` would otherwise leave a new tag.
    for _ in range(20):
        stripped = _TAG.sub(_drop_known, text)
        if stripped == text:
            return text
        text = stripped
    return text.replace("<", "&lt;")


def _drop_known(match: re.Match[str]) -> str:
    return "" if match.group(1).lower() in _HTML_ELEMENTS else match.group(0)


def cap(text: str, limit: int = MAX_BODY_CHARS) -> str:
    """Cut text to at most `limit` characters at a line break, closing what was open."""
    if len(text) <= limit:
        return text
    room = max(limit - len(TRUNCATED) - 200, 0)
    cut = text[:room]
    if "\n" in cut:
        cut = cut[: cut.rindex("\n")]
    tail = _closers(cut)
    return (cut + tail + TRUNCATED)[:limit]


def _closers(text: str) -> str:
    """Close a fenced block and `<details>` left open by a cut."""
    tail = ""
    fence = _open_fence(text)
    if fence:
        tail += f"\n{fence}"
    open_details = len(re.findall(r"<details(?: open)?>", text)) - text.count("</details>")
    return tail + "\n\n</details>" * max(open_details, 0)


def _open_fence(text: str) -> str | None:
    lines = text.split("\n")
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if match is None:
            continue
        marker = match.group(1)
        if fence is None:
            if not (marker[0] == "`" and "`" in match.group(2)):
                fence = marker
        elif marker[0] == fence[0] and len(marker) >= len(fence) and not match.group(2).strip():
            fence = None
    return fence


def close_fences(text: str) -> str:
    """Untrusted Markdown with an unclosed fence would swallow everything after it."""
    fence = _open_fence(text)
    return f"{text}\n{fence}" if fence else text


def cell(text: str) -> str:
    """Untrusted text as one table cell: one line, pipes escaped, nothing injected."""
    flat = " ".join(sanitize(text, allow_ours=False, limit=2_000).split())
    # A pipe after an odd run of backslashes would end the cell: double the run.
    return re.sub(r"(\\*)\|", lambda m: m.group(1) * 2 + "\\|", flat)


def code(text: str) -> str:
    """Text as an inline code span, whatever backticks it contains."""
    text = " ".join(text.split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# An engine's extra explanation longer than this folds into `<details>`.
DETAILS_OVER_CHARS = 400


def sources_line(finding: Finding) -> str:
    r"""Who reported the problem: `rule \`sql-injection\` · AI review`."""
    reports = [(finding.source, finding.rule), *((p.source, p.rule) for p in finding.also)]
    names: list[str] = []
    for source, rule in reports:
        name = f"rule {code(rule)}" if source is Source.RULES else "AI review"
        if name not in names:
            names.append(name)
    return " · ".join(names)


def _lines_label(line: int, end_line: int) -> str:
    return f"line {line}" if end_line <= line else f"lines {line}–{end_line}"


def comment_text(finding: Finding) -> str:
    """An inline comment's Markdown (without suggestion and marker): the problem once,
    the other lines and reports that found it, every engine's text kept. Finding text
    is untrusted and sanitized piece by piece; only our own `<details>` survive."""

    def safe(text: str, limit: int = MAX_BODY_CHARS // 4) -> str:
        text = re.sub(r"\n{3,}", "\n\n", _MACHINE_LINES.sub("", text))
        return close_fences(sanitize(text, allow_ours=False, limit=limit)).strip()

    head = (
        f"**{safe(finding.title, 300)}**  \n"
        f"{finding.severity.value} · {finding.category.value} · {code(finding.rule)}"
    )
    if finding.cwe is not None and finding.category is Category.SECURITY:
        number = finding.cwe
        head += f" · [CWE-{number}](https://cwe.mitre.org/data/definitions/{number}.html)"
    if finding.also:
        head += f" · found by {sources_line(finding)}"
    out = [head, safe(finding.body)]
    others = [p for p in finding.also if (p.line, p.end_line) != (finding.line, finding.end_line)]
    if others:
        first = min([finding.line, *(p.line for p in others)])
        last = max([finding.end_line, *(p.end_line for p in others)])
        out.append(f"Spans {_lines_label(first, last)} of this file.")
    for part in finding.also:
        who = f"rule {code(part.rule)}"
        if part.source is not Source.RULES:
            who = f"AI review ({code(part.rule)})"
        where = _lines_label(part.line, part.end_line)
        same_title = (part.rule, part.title) == (finding.rule, finding.title) or (
            part.title == finding.title
        )
        label = f"{who}, {where}" + ("" if same_title else f": **{safe(part.title, 300)}**")
        text = safe(part.body) if part.body.strip() else ""
        if len(text) > DETAILS_OVER_CHARS:
            out.append(
                f"<details><summary>Also reported by {label}</summary>\n\n{text}\n\n</details>"
            )
        elif text:
            out.append(f"Also reported by {label}: {text}")
        else:
            out.append(f"Also reported by {label}.")
    return "\n\n".join(out)


def _severity_table(findings: Sequence[Finding]) -> list[str]:
    counts = Counter((f.category, f.severity) for f in findings)
    severities = severity_order()
    header = "| Category | " + " | ".join(s.value for s in severities) + " | total |"
    rows = [header, "|---|" + "---:|" * (len(severities) + 1)]
    for category in Category:
        values = [counts[(category, s)] for s in severities]
        if not sum(values):
            continue
        shown = " | ".join(str(v) if v else "·" for v in values)
        rows.append(f"| {category.value} | {shown} | {sum(values)} |")
    return rows


def _inline_line(count: int) -> str:
    if count == 1:
        return "1 problem is an inline comment on the diff."
    return f"{count} problems are inline comments on the diff."


def _engines_line(result: ReviewResult) -> str:
    found: Counter[str] = Counter()
    for finding in result.findings:
        for source in set(finding.sources or [finding.source]):
            found[Source(source).value] += 1
    parts = []
    for engine in result.stats.engines:
        name = ENGINE_NAMES.get(engine, engine)
        parts.append(f"{name} ({found[engine]} found)" if result.findings else name)
    return "**Engines:** " + (", ".join(parts) if parts else "none ran")


def _findings_table(findings: Sequence[Finding]) -> list[str]:
    rows = [
        "| Severity | Location | Rule | Title | Found by | Note |",
        "|---|---|---|---|---|---|",
    ]
    for finding in findings[:MAX_FINDINGS_LISTED]:
        note = finding.anchor_note or ""
        titles = [finding.title, *(p.title for p in finding.also if p.title != finding.title)]
        rows.append(
            f"| {finding.severity.value} | {cell(code(location(finding)))} "
            f"| {cell(code(finding.rule))} | {cell(' / '.join(dict.fromkeys(titles)))} "
            f"| {cell(sources_line(finding))} | {cell(note)} |"
        )
    if len(findings) > MAX_FINDINGS_LISTED:
        rows.append(f"| … | | | and {len(findings) - MAX_FINDINGS_LISTED} more | | |")
    return rows


def _explanations(findings: Sequence[Finding]) -> list[str]:
    """Bodies of findings that have no inline comment to carry them."""
    lines = ["<details><summary>Explanations</summary>", ""]
    used = 0
    for shown, finding in enumerate(findings):
        if used > EXPLANATIONS_BUDGET:
            lines += [f"_… and {len(findings) - shown} more._", ""]
            break
        body = finding.body.strip()
        if len(body) > MAX_EXPLAINED_BODY:
            body = body[:MAX_EXPLAINED_BODY].rstrip() + " …"
        body = close_fences(sanitize(body, allow_ours=False, limit=MAX_EXPLAINED_BODY + 100))
        head = f"**{cell(finding.title)}** — {code(location(finding))}"
        lines += [head, "", body, ""]
        used += len(head) + len(body)
    return [*lines, "</details>"]


def _skipped(result: ReviewResult) -> list[str]:
    skipped = result.skipped
    noun = "file" if len(skipped) == 1 else "files"
    lines = [f"<details><summary>{len(skipped)} {noun} skipped</summary>", ""]
    lines += ["| File | Reason |", "|---|---|"]
    for item in skipped[:MAX_SKIPPED_LISTED]:
        lines.append(f"| {cell(code(item.path))} | {cell(item.reason)} |")
    if len(skipped) > MAX_SKIPPED_LISTED:
        lines.append(f"| … | and {len(skipped) - MAX_SKIPPED_LISTED} more |")
    return [*lines, "", "</details>"]


def render(
    result: ReviewResult,
    *,
    include_inline: bool = False,
    title: str = "Bastion review",
    limit: int = MAX_BODY_CHARS,
) -> str:
    """The summary body. Without `include_inline`, the findings table lists only the
    findings that could not be placed on diff lines (the rest are inline comments)."""
    findings = _ordered(result.findings)
    listed = findings if include_inline else [f for f in findings if not f.inline]
    lines = [f"## {cell(title)}", "", count_line(result)]
    if findings:
        lines += ["", *_severity_table(findings)]
        inline = sum(f.inline for f in findings)
        if not include_inline and inline:
            lines += ["", _inline_line(inline)]
    lines += ["", _engines_line(result)]
    if listed:
        heading = "Findings" if include_inline else "Findings not placed on a diff line"
        lines += ["", f"### {heading}", "", *_findings_table(listed)]
        unplaced = [f for f in listed if not f.inline]
        if unplaced:
            lines += ["", *_explanations(unplaced)]
    if result.notes:
        lines += ["", "### Notes", ""]
        lines += [f"- {cell(note)}" for note in result.notes]
    if result.skipped:
        lines += ["", *_skipped(result)]
    return sanitize("\n".join(lines) + "\n", limit=limit)


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.path, f.line, f.rule))
