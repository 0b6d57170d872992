"""Small linear scanners shared by the extractors of brace languages: comments blanked
(line numbers kept), object-literal keys, class bodies, and a parse test."""

from __future__ import annotations

from bot import lazyre as re
from bot.routes_contract.model import closing


def blank_comments(text: str, hash_comments: bool = False) -> str:
    """`text` with `//`, `/* */` (and `#` when asked) comments replaced by spaces, newlines
    kept, strings left alone: one pass, so offsets and lines stay valid."""
    out = list(text)
    index, quote, size = 0, "", len(text)
    while index < size:
        char = text[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote:
                quote = ""
            index += 1
            continue
        if char in "\"'`":
            quote = char
        elif text.startswith("//", index) or (hash_comments and char == "#"):
            end = text.find("\n", index)
            end = size if end < 0 else end
            out[index:end] = " " * (end - index)
            index = end
            continue
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            end = size if end < 0 else end + 2
            out[index:end] = [c if c == "\n" else " " for c in text[index:end]]
            index = end
            continue
        index += 1
    return "".join(out)


def split_top(text: str, separator: str = ",") -> list[str]:
    """`text` split on `separator` outside brackets and strings."""
    parts: list[str] = []
    depth, quote, start, index = 0, "", 0, 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


_KEY = re.compile(
    r"\s{0,40}(?:\"(\w{1,80})\"|'(\w{1,80})'|([A-Za-z_$][\w$]{0,80}))\s{0,20}(:|\(|$)"
)


def object_keys(literal: str) -> list[str] | None:
    """Top-level keys of an object literal `{ a, b: 1, 'c': 2 }`; None with a spread or
    a computed key (the keys cannot be known)."""
    inner = literal.strip()
    if not inner.startswith("{"):
        return None
    inner = inner[1 : closing(inner, 0) - 1]
    keys: list[str] = []
    for part in split_top(inner):
        if part.strip().startswith("..."):
            return None
        match = _KEY.match(part)
        if match is None:
            return None
        keys.append(next(g for g in match.groups()[:3] if g))
    return keys


def parses(text: str, language: str) -> bool:
    """Whether tree-sitter reads the text without a syntax error."""
    from bot.rules.astgrep import parse

    root = parse(text, language)
    return root is not None and root.find(kind="ERROR") is None
