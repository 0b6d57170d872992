"""`stack-trace-in-response`: an exception's stack trace written into the response.

The trace is recognised by the expression each language gets it with (`err.stack`,
`ex.ToString()`, `debug.Stack()`, `getTraceAsString()`, `traceback.format_exc()`,
`stackTraceToString()`, a `StringWriter` filled by `printStackTrace`), and counts only on a
statement that answers the request (`res.json(...)`, `return StatusCode(500, ...)`,
`c.JSON(...)`, `response()->json(...)`, `render json:`). Logging a trace is what error
handlers should do, so a logger's line is never a finding; neither is one under a
development-only check, nor test code.
"""

from __future__ import annotations

from bot import lazyre as re
from bot.lines import line_of
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, catalog_rule
from bot.rules.lib.patterns import Pattern, PatternCheck, Verdict

RULE_ID = "stack-trace-in-response"
RULE = catalog_rule(RULE_ID)

_ERR = r"(?:err|error|e|ex|exc|exception|ex\w*|err\w*|error\w*|e\d?)"

# The expression that yields the trace, per language.
_TRACES: dict[str, str] = {
    "javascript": rf"\b{_ERR}\??\.(?P<at>stack)\b(?!\s*\()",
    "typescript": rf"\b{_ERR}\??\.(?P<at>stack)\b(?!\s*\()",
    "java": r"(?P<at>ExceptionUtils\.getStackTrace|Throwables\.getStackTraceAsString)\s*\("
    r"|\.(?P<at2>getStackTrace)\s*\(\s*\)",
    "kotlin": r"\.(?P<at>stackTraceToString)\s*\(|(?P<at2>ExceptionUtils\.getStackTrace)\s*\("
    r"|\.(?P<at3>stackTrace)\b(?!\s*\()",
    "scala": r"(?P<at>ExceptionUtils\.getStackTrace)\s*\(|\.(?P<at2>getStackTrace)\b",
    "csharp": rf"\b{_ERR}\??\.(?:(?P<at>StackTrace)\b|(?P<at2>ToString)\s*\(\s*\))",
    "go": r"\b(?P<at>debug\.Stack)\s*\(\s*\)",
    "php": r"->(?P<at>getTraceAsString|getTrace)\s*\(",
    "python": r"\btraceback\.(?P<at>format_exc|format_exception|format_tb)\s*\(",
    "ruby": rf"\b{_ERR}\.(?P<at>backtrace|full_message)\b",
}

# A statement that answers the request, per language.
_ANSWERS: dict[str, str] = {
    "javascript": r"\b(?:res|response|reply|ctx|h)\."
    r"(?:json|send|status|end|write|code|response)\s*\("
    r"|\bctx\.body\s*=|\bResponse\.json\s*\(|\bNextResponse\.json\s*\(",
    "java": r"\bResponseEntity\b|\.body\s*\(|\bgetWriter\s*\(|\bResponse\.(?:status|ok|serverError)"
    r"|\.entity\s*\(|\bctx\.(?:result|json)\s*\(|\bHttpResponse\.",
    "kotlin": r"\bResponseEntity\b|\.body\s*\(|\bgetWriter\s*\(|\bcall\.respond\w*\s*\("
    r"|\bctx\.(?:result|json)\s*\(|\bHttpResponse\.",
    "scala": r"\b(?:InternalServerError|BadRequest|Ok|Status)\s*\(|\bcomplete\s*\(",
    "csharp": r"\b(?:StatusCode|Problem|Content|BadRequest|Ok|Json|ObjectResult|NotFound)\s*\("
    r"|\bResults\.\w+\s*\(|\bTypedResults\.\w+\s*\(|\.Write(?:AsJson)?Async\s*\(",
    "go": r"\bc\.(?:JSON|String|Data|IndentedJSON|XML|SendString|Send|Status)\s*\("
    r"|\bctx\.(?:JSON|String)\s*\(|\bw\.Write\s*\(|\bfmt\.Fprint\w*\s*\(\s*w\b"
    r"|\bhttp\.Error\s*\(|\bjson\.NewEncoder\s*\(\s*w\s*\)",
    "php": r"\bresponse\s*\(\s*\)|\becho\b|\bprint\b|->json\s*\(|\bnew\s+(?:Json)?Response\s*\("
    r"|\bjson_encode\s*\(|\bdie\s*\(|\bexit\s*\(",
    "ruby": r"\brender\b|\bhalt\b|\bjson\s*:|\bplain\s*:|\bbody\b",
}
_ANSWERS["typescript"] = _ANSWERS["javascript"]

# A line that logs (`logger.error("...", err.stack)`, `console.error(e.stack)`).
_LOGS = re.compile(
    r"(?i)\b(?:log|logger|logging|console|slog|zap|sentry|_logger)\s*(?:\.|::)"
    r"|(?<![\w.])(?:log|Log)\w*\s*\("
)
# A development-only branch (`if (process.env.NODE_ENV !== 'production')`, `env.IsDevelopment()`,
# `settings.DEBUG`, `app.debug`, `Rails.env.development?`, `APP_DEBUG`).
_DEV_ONLY = re.compile(
    r"(?i:NODE_ENV|isDevelopment|is_development|development\?|app\.debug|APP_DEBUG)|\bDEBUG\b"
    r"|(?i:environment\s*[!=]==?\s*['\"](?:dev|development|local))|\bisDev\b|\bdev_mode\b"
)
# `ex.printStackTrace(new PrintWriter(sw))`: the writer then holds the trace.
_FILLED = re.compile(
    r"\.(?P<at>printStackTrace)\s*\(\s*new\s+PrintWriter\s*\(\s*(?P<w>\w+)\s*\)\s*\)"
)
_JVM = frozenset({"java", "kotlin", "scala"})


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    """Start and end offsets of the line holding offset `at`."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def _statement(text: str, start: int) -> str:
    """The line of `start` with the line before it (`return ResponseEntity.status(500)` /
    `.body(...)`), joined to the next lines while brackets stay open (a response call
    spread over lines). A trace inside an object or call spread over lines
    (`res.status(500).json({` / `trace: err.stack,`) starts from the line that opens it."""
    begin, _ = _line_bounds(text, _opener(text, start))
    depth, i = 0, begin
    while i < len(text) and i - begin < 2000:
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "\n" and depth <= 0:
            break
        i += 1
    previous = _line_bounds(text, begin - 1)[0] if begin > 0 else begin
    return text[previous:i]


def _opener(text: str, start: int) -> int:
    """The offset of the outermost bracket still open at `start`, within a few lines
    before it (or `start` when none is)."""
    depth, at, i = 0, start, start - 1
    floor = max(0, start - 600)
    while i >= floor:
        ch = text[i]
        if ch in ")]}":
            depth += 1
        elif ch in "([{":
            if depth == 0:
                at = i
            else:
                depth -= 1
        elif ch == ";":
            break
        i -= 1
    return at


def _dev_only(text: str, start: int) -> bool:
    """A development check on the trace's line or the six lines before it (found by
    walking back, so a file of many traces is not split once per trace)."""
    begin, end = _line_bounds(text, start)
    for _ in range(6):
        if begin == 0:
            break
        begin = _line_bounds(text, begin - 1)[0]
    return _DEV_ONLY.search(text, begin, end) is not None


# A Python module of a web framework: there a view's `return` is the response.
_PY_WEB = re.compile(
    r"^[ \t]*(?:from|import)[ \t]+(?:flask|django|fastapi|starlette|aiohttp|sanic|tornado|bottle"
    r"|falcon|pyramid|quart|rest_framework)\b",
    re.M,
)
_PY_RESPONSE = re.compile(
    r"\bjsonify\s*\(|\b(?:Http|JSON|Json|Plain\w*)?Response\s*\(|\bmake_response\s*\(|\babort\s*\("
)


def _answers(language: str, statement: str, text: str) -> bool:
    if language == "python":
        if _PY_RESPONSE.search(statement):
            return True
        return bool(re.search(r"\breturn\b", statement)) and _PY_WEB.search(text) is not None
    pattern = _ANSWERS.get(language)
    return pattern is not None and re.search(pattern, statement) is not None


def _accept_trace(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    language = file.language or ""
    line_start, _ = _line_bounds(text, match.start())
    if _LOGS.search(text[line_start : match.start()]):
        return False
    if not _answers(language, _statement(text, match.start()), text) or _dev_only(
        text, match.start()
    ):
        return False
    return "The exception's stack trace goes into the response."


def _accept_filled(match: re.Match[str], text: str, file: ChangedFile) -> str | bool | Verdict:
    """The writer `printStackTrace` filled, sent within the next lines."""
    language = file.language or ""
    writer = re.compile(rf"\b{re.escape(match.group('w'))}\b")
    line = line_of(text, match.start())
    rows = text.split("\n")
    for number in range(line + 1, min(line + 8, len(rows)) + 1):
        row = rows[number - 1]
        if writer.search(row) and _answers(language, row, text) and not _LOGS.search(row):
            if _dev_only(text, match.start()):
                return False
            return Verdict(
                "The stack trace `printStackTrace` wrote into "
                f"`{match.group('w')}` goes into the response (line {number}).",
                end_line=number,
            )
    return False


PATTERNS = tuple(
    Pattern(RULE_ID, frozenset({language}), re.compile(regex), _accept_trace)
    for language, regex in _TRACES.items()
) + (Pattern(RULE_ID, _JVM, _FILLED, _accept_filled),)


class StackTraceInResponse(PatternCheck):
    name = "security:stack-trace-in-response"
    rules = (RULE,)
    languages = frozenset(_TRACES)
    kinds = frozenset({FileKind.CODE})
    patterns = PATTERNS
    hint = re.compile(
        r"stack|Stack|ToString|getTrace|format_exc|format_exception|format_tb|backtrace"
        r"|full_message"
    )


CHECKS: list[Check] = [StackTraceInResponse()]
