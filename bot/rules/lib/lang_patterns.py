"""Small helpers the C# and Scala pattern rules share: the lines around a match and the
statement a match sits in, both found with `str` scans (no regex backtracking)."""

from __future__ import annotations

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.lib.patterns import Accept

# A name that says "password", near a weak hash (for `when_near`).
PASSWORD_NAMES = re.compile(r"(?i)passw|pwd|passphrase")


def window(text: str, index: int, before: int = 2, after: int = 2) -> str:
    """The match's line with `before` lines above and `after` below."""
    start = index
    for _ in range(before + 1):
        found = text.rfind("\n", 0, start)
        if found < 0:
            start = 0
            break
        start = found
    end = index
    for _ in range(after + 1):
        found = text.find("\n", end + 1)
        if found < 0:
            end = len(text)
            break
        end = found
    return text[start:end]


def lead_in(text: str, index: int, lines: int = 3) -> str:
    """The text from `lines` lines above the match up to the match itself."""
    start = index
    for _ in range(lines + 1):
        start = text.rfind("\n", 0, start)
        if start < 0:
            return text[:index]
    return text[start + 1 : index]


def statement(text: str, index: int) -> str:
    """From the previous `;`, `{` or `}` to the next `;` (a fluent chain is one statement)."""
    start = max(text.rfind(";", 0, index), text.rfind("{", 0, index), text.rfind("}", 0, index))
    end = text.find(";", index)
    return text[start + 1 : end if end >= 0 else len(text)]


def when_near(words: re.Pattern[str], detail: str, before: int = 2, after: int = 2) -> Accept:
    """An `accept` that keeps a match only when `words` occur in the lines around it."""

    def accept(match: re.Match[str], text: str, file: ChangedFile) -> str | bool:
        return detail if words.search(window(text, match.start(), before, after)) else False

    return accept
