"""Code compiled only into test or debug builds, by its preprocessor block (C#'s
`#if UNSAFE_AUTH_BYPASS_FOR_TESTING`, `#if DEBUG`): a security shortcut there is the
author's choice for that build, and whether a deployed build defines the symbol is in
the project's build files, not in the code."""

from __future__ import annotations

from bot import lazyre as re
from bot.models import ChangedFile

_PREPROCESSED = frozenset({"csharp"})
_IF = re.compile(r"^\s*#\s*if\s(.*)")
_ELSE = re.compile(r"^\s*#\s*(?:else|elif)\b")
_ENDIF = re.compile(r"^\s*#\s*endif\b")
# A symbol of a test or debug build, tested as defined (`DEBUG`, `E2E_TESTING`,
# `UNSAFE_BYPASS_FOR_TESTING`), not negated (`!DEBUG` is the release build).
_TEST_SYMBOL = re.compile(r"(?<![!\w])(\w*(?:TEST|DEBUG)\w*)\b", re.I)
_LOOKBACK = 400  # lines: a block longer than this is not a test switch


def test_build_symbol(file: ChangedFile, line: int) -> str | None:
    """The test or debug symbol whose `#if` branch holds `line`, if any."""
    if file.language not in _PREPROCESSED:
        return None
    depth = 0
    for number in range(line - 1, max(0, line - _LOOKBACK), -1):
        text = file.line_text(number)
        if not text or "#" not in text:
            continue
        if _ENDIF.match(text):
            depth += 1
        elif _ELSE.match(text):
            if depth == 0:
                return None  # the other branch: the build without the symbol
        elif found := _IF.match(text):
            if depth > 0:
                depth -= 1
                continue
            condition = found.group(1).split("//", 1)[0]
            if "||" in condition:
                return None  # also compiled for another symbol
            symbol = _TEST_SYMBOL.search(condition)
            return symbol.group(1) if symbol else None
    return None
