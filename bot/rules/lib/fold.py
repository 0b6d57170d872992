"""The constant text an argument stands for, when the file says: a literal, a local or a
constant assigned one, a properties/environment lookup with a literal default, or a
Spring `@Value("${key:default}")` field. Used where the verdict depends on a name
(an algorithm) that code often keeps in a variable."""

from __future__ import annotations

from bot import lazyre as re

_LITERAL = re.compile(r"""^\s*(?:[rbuf]{0,2})?(?P<q>["'`])(?P<v>[^"'`\n]{0,200})(?P=q)\s*$""")
_NAME = re.compile(
    r"^\s*(?:this\s*\.\s*|self\s*\.\s*|[A-Z]\w*\s*\.\s*)?(?P<n>[$]?[A-Za-z_]\w*)\s*$"
)
# A lookup whose last argument is the default: `props.getProperty("k", "MD5")`,
# `System.getProperty(...)`, `env.get("K", "md5")`, `os.getenv("K", "md5")`,
# `map.getOrDefault(k, "MD5")`, `config.getString("k", "MD5")`.
_LOOKUP = re.compile(
    r"""(?:getProperty|getOrDefault|getenv|get|getString|GetValue|fetch|env)\s*\(\s*"""
    r"""[^()]*?,\s*(?P<d>(?P<q>["'])[^"'\n]{0,200}(?P=q))\s*\)\s*;?\s*$"""
)


def _assignments(text: str, name: str) -> list[tuple[int, str]]:
    """(offset, right side) of each `name = ...` / `name := ...` line in `text`."""
    pattern = re.compile(
        rf"(?m)(?<![\w$.]){re.escape(name)}\s*(?::\s*[\w.<>\[\]?]+\s*)?:?=(?![=>])\s*(?P<rhs>[^\n;]+)"
    )
    return [(m.start(), m.group("rhs").strip()) for m in pattern.finditer(text)]


def _spring_value(text: str, name: str) -> str | None:
    match = re.search(
        rf"""@Value\s*\(\s*"\$\{{[^}}:"]+:(?P<d>[^}}"]*)\}}"\s*\)\s*(?:(?:private|protected|public|final|static|lateinit|var|val)\s+)*(?:[\w.<>]+\s+)?{re.escape(name)}\b""",
        text,
    )
    return match.group("d") if match else None


def constant_text(expr: str, text: str, at: int, depth: int = 0) -> str | None:
    """The text `expr` (an argument found at offset `at` of `text`) certainly holds,
    or None when the file does not say."""
    if depth > 3:
        return None
    literal = _LITERAL.match(expr)
    if literal:
        return literal.group("v")
    lookup = _LOOKUP.search(expr)
    if lookup:
        return constant_text(lookup.group("d"), text, at, depth + 1)
    name = _NAME.match(expr)
    if name is None:
        return None
    ident = name.group("n")
    found = _assignments(text, ident)
    before = [rhs for offset, rhs in found if offset < at]
    # The nearest assignment before the use; else a constant declared further down.
    candidates = before[-1:] or [rhs for _, rhs in found]
    values = {constant_text(rhs, text, at, depth + 1) for rhs in candidates}
    if len(values) == 1:
        value = values.pop()
        if value is not None:
            return value
    return _spring_value(text, ident) if not found else None
