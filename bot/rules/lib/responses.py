"""What a Python web response is declared as after it is made (`bot.rules` checks of
`reflected-xss` share it: the single-file flows and the cross-file ones)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot import lazyre as re
from bot.models import ChangedFile, Severity
from bot.rules.engine import Hit

# `response = make_response(body)` and, before the function returns it, its type set:
# `response.headers["Content-Type"] = "text/csv"` (or `.mimetype`, `.content_type`).
_MADE_RESPONSE = re.compile(r"^(\s*)(\w+)\s*=\s*(?:flask\.)?make_response\s*\(")
_TYPE_SET = (
    r"^\s*{name}\s*\.\s*(?:headers\s*\[\s*[\"'](?i:content-type)[\"']\s*\]"
    r"|mimetype|content_type)\s*=\s*(?P<value>.+?)\s*$"
)
_TYPE_UNKNOWN_NOTE = (
    "The response's Content-Type is then set from a value the file does not show; the "
    "body is markup only if that type is HTML, so this is noted in the summary."
)


def _python_type_after(lines: list[str], line: int) -> str | None:
    """What a Flask response made on `line` is declared as before it is returned:
    "other" for a constant type that is not HTML, "unknown" for a type from a variable,
    None when nothing sets it (or it is HTML)."""
    if not 0 < line <= len(lines):
        return None
    made = _MADE_RESPONSE.match(lines[line - 1])
    if made is None:
        return None
    indent, name = len(made.group(1)), made.group(2)
    setter = re.compile(_TYPE_SET.format(name=re.escape(name)))
    for text in lines[line : line + 15]:
        if text.strip() and len(text) - len(text.lstrip()) < indent:
            break  # the block that made the response has ended
        found = setter.match(text)
        if found is None:
            if re.match(r"^\s*return\b", text):
                break  # returned before any type is set: Flask's default, text/html
            continue
        value = found.group("value")
        literal = re.fullmatch(r"[rbuf]?([\"'])(.*)\1", value)
        if literal is None:
            return "unknown"
        return None if "html" in literal.group(2).lower() else "other"
    return None


def typed_responses(file: ChangedFile, hits: Iterable[Hit]) -> list[Hit]:
    """`reflected-xss` hits of a Python file without those whose response is declared a
    constant type that is not HTML before it is returned; one typed from a variable goes
    to the summary with a note. Other files' and rules' hits pass unchanged."""
    if file.language != "python":
        return list(hits)
    lines = file.visible_text().splitlines()
    out: list[Hit] = []
    for hit in hits:
        declared = _python_type_after(lines, hit.line) if hit.rule == "reflected-xss" else None
        if declared == "other":
            continue
        if declared == "unknown":
            title, detail = hit.title, hit.detail
            if hit.opaque is not None:
                # Settled here, in the flow's own words: the engine would otherwise put a
                # flow through a function the change defines back inline.
                _, title, detail = hit.opaque
            note = _TYPE_UNKNOWN_NOTE
            detail = f"{detail} {note}" if detail else note
            hit = replace(hit, severity=Severity.INFO, title=title, detail=detail, opaque=None)
        out.append(hit)
    return out
