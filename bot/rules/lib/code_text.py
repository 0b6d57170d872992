"""Source text as the pattern checks read it: the file's text with comments blanked
(through ast-grep's parse, cached by the shared helper, so commented-out code is never
reported), call-argument extraction that respects string literals, and a test for
"this expression splices a runtime value into a string"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from bot import lazyre as re
from bot.lines import line_of as line_of  # re-exported: rules import it with the text helpers
from bot.models import ChangedFile
from bot.rules.astgrep import parse

# ast-grep raises on a kind its grammar does not have, hence one list per language.
_COMMENT_KINDS: dict[str, tuple[str, ...]] = {
    "java": ("line_comment", "block_comment"),
    "kotlin": ("line_comment", "multiline_comment"),
    "rust": ("line_comment", "block_comment"),
}


@lru_cache(maxsize=512)
def _blank_comments(text: str, language: str) -> str:
    root = parse(text, language)
    if root is None:
        return text
    rows = text.split("\n")
    for kind in _COMMENT_KINDS.get(language, ("comment",)):
        for node in root.find_all(kind=kind):
            span = node.range()
            first, last = span.start.line, span.end.line
            if first >= len(rows) or last >= len(rows):
                continue
            body = node.text().split("\n")
            col = rows[first].find(body[0], span.start.column if first == last else 0)
            if col < 0:
                col = rows[first].find(body[0])
            if col < 0:
                continue
            if first == last:
                rows[first] = (
                    rows[first][:col] + " " * len(body[0]) + rows[first][col + len(body[0]) :]
                )
                continue
            rows[first] = rows[first][:col]
            for number in range(first + 1, last):
                rows[number] = ""
            rows[last] = " " * len(body[-1]) + rows[last][len(body[-1]) :]
    return "\n".join(rows)


def code_text(file: ChangedFile) -> str:
    """The file's visible text with comments blanked (same line numbers)."""
    return _blank_comments(file.visible_text(), file.language or "")


def comment_text(file: ChangedFile, first: int, last: int) -> str:
    """The comments on lines `first`..`last` (1-based) of the file, joined by spaces:
    what differs between the visible text and its comment-blanked twin."""
    raw = file.visible_text().split("\n")
    blank = code_text(file).split("\n")
    parts: list[str] = []
    for number in range(max(first, 1), min(last, len(raw)) + 1):
        row, code = raw[number - 1], blank[number - 1] if number - 1 < len(blank) else ""
        if row == code:
            continue
        changed = [i for i, c in enumerate(row) if i >= len(code) or code[i] != c]
        if changed:
            parts.append(row[changed[0] : changed[-1] + 1])
    return " ".join(parts)


# Quote characters per language, and which of them interpolate.
_QUOTES: dict[str, str] = {
    "go": "\"`'",
    "java": "\"'",
    "kotlin": "\"'",
    "ruby": "\"'`",
    "php": "\"'`",
    "javascript": "\"'`",
    "typescript": "\"'`",
}


_INTERPOLATION: dict[str, tuple[str, re.Pattern[str]]] = {
    "kotlin": ('"', re.compile(r"(?<!\\)\$(\{|[A-Za-z_])")),
    "ruby": ('"`', re.compile(r"#\{")),
    "php": ('"`', re.compile(r"(?<!\\)(\$[A-Za-z_]|\{\$)")),
    "javascript": ("`", re.compile(r"(?<!\\)\$\{")),
    "typescript": ("`", re.compile(r"(?<!\\)\$\{")),
}


_CONCAT: dict[str, str] = {"php": "."}


_FORMAT_CALL = re.compile(
    r"\b(fmt\.Sprintf|String\.format|\.formatted|\.format|sprintf|format|vsprintf)\s*\("
)


_CONSTANT = re.compile(r"^([A-Z][A-Z0-9_]*|\d+|[\w.]*\.[A-Z][A-Z0-9_]*|true|false|nil|null)$")


@dataclass(frozen=True)
class Piece:
    """A top-level piece of an expression: a string literal or a run of code."""

    text: str
    quote: str  # "" for code


def pieces(expr: str, language: str) -> list[Piece]:
    """`expr` split into string literals and the code between them."""
    quotes = _QUOTES.get(language, "\"'")
    out: list[Piece] = []
    i, start = 0, 0
    while i < len(expr):
        char = expr[i]
        if char in quotes:
            if start < i:
                out.append(Piece(expr[start:i], ""))
            end = _string_end(expr, i, language)
            out.append(Piece(expr[i:end], char))
            i = start = end
            continue
        i += 1
    if start < len(expr):
        out.append(Piece(expr[start:], ""))
    return out


def _string_end(text: str, i: int, language: str) -> int:
    """Index just past the string literal that opens at `i`."""
    quote = text[i]
    if text.startswith(quote * 3, i) and language in {"kotlin", "java"}:
        end = text.find(quote * 3, i + 3)
        return len(text) if end < 0 else end + 3
    raw = quote == "`" and language == "go"
    j = i + 1
    while j < len(text):
        if text[j] == "\\" and not raw:
            j += 2
            continue
        if text[j] == quote:
            return j + 1
        if text[j] == "\n" and quote in "\"'" and language != "php" and language != "ruby":
            return j
        j += 1
    return len(text)


def call_arguments(text: str, open_paren: int, language: str, limit: int = 4000) -> list[str]:
    """The top-level arguments of the call whose `(` is at `open_paren`."""
    args: list[str] = []
    depth, i, start = 0, open_paren + 1, open_paren + 1
    quotes = _QUOTES.get(language, "\"'")
    stop = min(len(text), open_paren + limit)
    while i < stop:
        char = text[i]
        if char in quotes:
            i = _string_end(text, i, language)
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                args.append(text[start:i].strip())
                return [a for a in args if a]
            depth -= 1
        elif char == "," and depth == 0:
            args.append(text[start:i].strip())
            start = i + 1
        i += 1
    return [a for a in args if a]


def is_string_literal(expr: str, language: str) -> bool:
    """A single literal with nothing interpolated into it."""
    parts = pieces(expr.strip(), language)
    return len(parts) == 1 and bool(parts[0].quote) and not _interpolates(parts[0], language)


def _interpolates(piece: Piece, language: str) -> bool:
    spec = _INTERPOLATION.get(language)
    if spec is None or piece.quote not in spec[0]:
        return False
    return bool(spec[1].search(piece.text[1:]))


def literal_text(expr: str, language: str) -> str:
    return " ".join(p.text for p in pieces(expr, language) if p.quote)


def _operands(code: str, operator: str) -> list[str]:
    return [o.strip(" ()\t\n") for o in code.split(operator)]


def dynamic_part(expr: str, language: str) -> str | None:
    """What in `expr` is a runtime value spliced into a string, or None when nothing is:
    interpolation, concatenation of a literal with a non-constant, or a format call."""
    parts = pieces(expr, language)
    if not any(p.quote for p in parts):
        return None
    for part in parts:
        if part.quote and _interpolates(part, language):
            return part.text
    code = " ".join(p.text if not p.quote else " '' " for p in parts)
    if _FORMAT_CALL.search(code):
        inside = code[_FORMAT_CALL.search(code).end() :]  # type: ignore[union-attr]
        if "," in inside:
            return "a format call"
    operator = _CONCAT.get(language, "+")
    if language == "ruby" and re.search(r"''\s*%\s*[\[\w({]", code):
        return "a `%` format"
    if operator not in code:
        return None
    for operand in _operands(code, operator):
        spliced = operand not in {"", "''", '""'} and not _CONSTANT.match(operand)
        if spliced and re.search(r"[A-Za-z_$]", operand):
            return operand
    return None


def short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def scope_before(text: str, index: int, language: str) -> str:
    """The text of the enclosing function up to `index`, roughly: from the last function
    header before it (a variable's assignments live there)."""
    headers = {
        "go": r"\nfunc\b",
        "java": r"\n\s*(public|private|protected|static|\w+\s+\w+\s*\()[^;{]*\)\s*(throws[^{]*)?\{",
        "kotlin": r"\bfun\b",
        "ruby": r"\n\s*def\b",
        "php": r"\bfunction\b",
    }
    pattern = headers.get(language, r"\bfunction\b|=>")
    start = 0
    for found in re.finditer(pattern, text[:index]):
        start = found.start()
    return text[start:index]


def assignments(scope: str, name: str) -> Iterator[tuple[str, str, int]]:
    """(operator, right-hand side, offset) of each `name = …`/`:=`/`+=`/`.=` in `scope`."""
    regex = re.compile(
        rf"(?<![\w$.]){re.escape(name)}\s*(?P<op>:=|\+=|\.=|=)(?!=)\s*(?P<rhs>[^;\n]*(?:\n\s*[+.][^;\n]*)*)"
    )
    for found in regex.finditer(scope):
        yield found.group("op"), found.group("rhs"), found.start()


def variable_dynamic(scope: str, name: str, language: str) -> tuple[str, int] | None:
    """Replays a variable's assignments: whether the string it holds at the end of `scope`
    has a runtime value spliced in, and where that happened (offset in `scope`)."""
    culprit: tuple[str, int] | None = None
    for operator, rhs, offset in assignments(scope, name):
        appended = operator in {"+=", ".="}
        found = dynamic_part(rhs, language)
        variable = re.search(r"[A-Za-z_$]", rhs) and not _CONSTANT.match(rhs.strip())
        if found is None and appended and variable and not is_string_literal(rhs, language):
            found = rhs.strip()
        if not appended:
            culprit = None
        if found is not None and culprit is None:
            culprit = (found, offset)
    return culprit


def top_level_arguments(text: str, open_paren: int) -> list[str]:
    """The top-level arguments of the call whose `(` is at `open_paren`."""
    args: list[str] = []
    depth, quote, start = 0, "", open_paren + 1
    for index in range(open_paren, len(text)):
        char = text[index]
        if quote:
            quote = "" if char == quote and text[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return [*args, text[start:index]]
        elif char == "," and depth == 1:
            args.append(text[start:index])
            start = index + 1
    return args


def statement_at(text: str, start: int, limit: int = 3000) -> str:
    """The text from `start` to the end of its statement: the first newline (or `;`)
    outside brackets and strings. Enough to read one query chain spread over lines."""
    depth = 0
    quote = ""
    i = start
    end = min(len(text), start + limit)
    while i < end:
        char = text[i]
        if quote:
            if char == "\\":
                i += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return text[start:i]
        elif char in "\n;" and depth <= 0:
            # A Go chain continues after a trailing dot; Ruby/JS after a leading one.
            rest = text[i + 1 : i + 200].lstrip()
            if not text[start:i].rstrip().endswith(".") and not rest.startswith("."):
                return text[start:i]
        i += 1
    return text[start:end]
