"""`cors-any-origin-with-credentials`: the request's own `Origin` sent back as the allowed
origin, with credentials allowed, in any language's way of setting a response header.

Reported when, in the function that sets `Access-Control-Allow-Origin` to a value that is
not a literal (or in the lines around it, outside any function):

- that value reads the request's `Origin` header, directly or through a name assigned
  from such a read in the same function;
- the same function allows credentials (`Access-Control-Allow-Credentials: true`);
- and nothing there compares the origin with anything (an allow-list lookup, an equality,
  a pattern, a suffix test): with such a check the header only ever names a listed site.

Then every site may read this endpoint's answers as the logged-in user. Middleware options
(`cors({ origin: true, credentials: true })`) are the per-language checks' business.
"""

from __future__ import annotations

from bot import lazyre as re
from bot.lines import line_of, rows_of
from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, catalog_rule
from bot.rules.lib.patterns import Pattern, PatternCheck
from bot.rules.lib.scopes import enclosing_function

RULE_ID = "cors-any-origin-with-credentials"
RULE = catalog_rule(RULE_ID)

_LANGUAGES = frozenset(
    {"javascript", "typescript", "php", "ruby", "python", "go", "java", "kotlin", "csharp", "scala"}
)
# The header named as a string or as Play's constant, then how a value is given to it:
# a call's next argument, an index assignment, a map entry, a pair; the value starts with
# anything but a quote (a literal origin is not the request's).
# PHP's `header('Access-Control-Allow-Origin: ' . $origin)` (and `+` elsewhere): the name and
# the start of the line in one string, the value joined on.
_SET = re.compile(
    r"(?:[\"'](?P<at>Access-Control-Allow-Origin)(?::[ \t]*[\"'][ \t]*[.+]|[\"'][ \t]*"
    r"(?:\][ \t]*=|,|->|=>|:))|\b(?P<play>ACCESS_CONTROL_ALLOW_ORIGIN)\b[ \t]*"
    r"(?:\][ \t]*=|,|->|=>|:))[ \t]*(?P<value>[^\s\"'`][^\n]{0,160})",
    re.IGNORECASE,
)
_CREDENTIALS = re.compile(
    r"(?i)(?:Access-Control-Allow-Credentials[\"']?|ACCESS_CONTROL_ALLOW_CREDENTIALS)"
    r"[ \t]*(?:\][ \t]*=|,|->|=>|:)[ \t]*[\"']?true\b"
)
# A read of the request's Origin header, in any of the languages.
_ORIGIN_READ = re.compile(
    r"(?i)(?:headers?|getHeader|header|get|Header\.Get|HTTP_ORIGIN|\.origin\b)[^\n]{0,40}?"
    r"(?:[\"']origin[\"']|\borigin\b|HTTP_ORIGIN|\bORIGIN\b)"
    r"|HTTP_ORIGIN|\breq(?:uest)?\.(?:headers?\.)?origin\b"
)
# Anything that compares or looks up the origin before it is sent back.
_CHECKED = re.compile(
    r"(?i)\b(?:in_array|array_key_exists|preg_match|includes|contains|include\?|member\?|indexOf"
    r"|has|HasSuffix|HasPrefix|EndsWith|StartsWith|endsWith|startsWith|end_with\?|start_with\?"
    r"|match|matches|test|fullmatch|search|Contains|ContainsKey|containsKey|exists|any)(?=[\s(),])"
    r"|[!=]==?|\bin\s+[\w.\[(]|allow(?:ed)?_?(?:list|origins?)|whitelist|trusted|permitted"
    # A predicate of the project's own named for the answer (`m.originAllowed(origin)`,
    # `isAllowedOrigin(o)`, `valid_origin?(o)`).
    r"|allowed\w{0,30}[ \t]*\(|valid\w{0,10}_?origin"
)
# `if ($origin !== '')`: a test that the header was sent at all lets every origin through.
_EMPTY_TEST = re.compile(r"""[!=]==?[ \t]*(?:''|""|\bnull\b|\bnil\b|\bNone\b|\bundefined\b)""")
_WORD = re.compile(r"[$@]?[A-Za-z_][\w.$]*")
_WINDOW = 15  # lines each side, outside any function
_REACH = 60  # lines each side, inside one


def _span(text: str, file: ChangedFile, line: int) -> tuple[int, int]:
    """The function around `line`, at most `_REACH` lines each side (a generated file's
    one huge function would make every header read the whole file)."""
    found = enclosing_function(text, file.language or "", line)
    if found is not None:
        return max(found[1], line - _REACH), min(found[2], line + _REACH)
    return max(1, line - _WINDOW), line + _WINDOW


def _accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
    line = line_of(text, match.start())
    first, last = _span(text, file, line)
    rows = rows_of(text)[first - 1 : last]
    body = "\n".join(rows)
    if not _CREDENTIALS.search(body):
        return False
    value = match.group("value")
    head = _WORD.match(value)
    name = head.group(0) if head is not None else ""
    reads = bool(_ORIGIN_READ.search(value.split(")")[0] if "(" in value else value))
    if not reads and name:
        bare = re.escape(
            name.split(".")[-1] if name.startswith(("$this", "self.", "this.")) else name
        )
        assigned = re.search(rf"(?<![\w.$]){bare}\s*(?::\s*\w+\s*)?(?::=|=(?!=))([^\n]+)", body)
        reads = assigned is not None and bool(_ORIGIN_READ.search(assigned.group(1)))
    if not reads:
        return False
    key = name.split(".")[-1].lstrip("$@") if name else "origin"
    about = re.compile(rf"(?i)origin|\b{re.escape(key)}\b")
    others = "\n".join(
        row
        for row in rows
        if about.search(row)
        and not re.search(r"(?i)Access-Control-Allow|ACCESS_CONTROL_ALLOW", row)
    )
    if _CHECKED.search(_EMPTY_TEST.sub(" ", others)):
        return False  # compared with a list, a value or a pattern first
    return (
        "The request's `Origin` header is sent back as `Access-Control-Allow-Origin`, and "
        "credentials are allowed: any site the user visits can call this endpoint with the "
        "user's cookies and read the answer."
    )


PATTERNS = (Pattern(RULE_ID, _LANGUAGES, _SET, _accept),)


class ReflectedOrigin(PatternCheck):
    name = "security:cors-reflected-origin"
    rules = (RULE,)
    languages = _LANGUAGES
    kinds = frozenset({FileKind.CODE})
    patterns = PATTERNS
    hint = re.compile(r"(?i)Access-Control-Allow-Origin|ACCESS_CONTROL_ALLOW_ORIGIN")


CHECKS: list[Check] = [ReflectedOrigin()]
