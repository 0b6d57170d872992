"""The `re` module with patterns compiled on first use, not at import.

The modules a review imports define about 750 patterns at module level and a 10-line
review uses about 90 of them: compiling the rest cost ~40 % of that review's CPU
time (docs/benchmarks.md, "Review core"). A module opts in with

    from bot import lazyre as re

and keeps writing `re.compile(...)`, `re.IGNORECASE`, `re.Pattern[str]`. `compile`
returns a stand-in that compiles the real pattern the first time any of its
attributes is read, then keeps the real pattern's bound methods on itself, so a call
costs what a call on the real pattern costs. The module-level functions below take
either kind of pattern. To the type checker the stand-in is an `re.Pattern`; code
outside this package must not be handed one where it checks `isinstance(p, Pattern)`.
"""

from __future__ import annotations

import re as _re
from collections.abc import Callable, Iterator
from re import (
    ASCII,
    DOTALL,
    IGNORECASE,
    MULTILINE,
    NOFLAG,
    UNICODE,
    VERBOSE,
    A,
    I,
    M,
    Match,
    Pattern,
    RegexFlag,
    S,
    U,
    X,
    error,
    escape,
)
from typing import Any, cast

__all__ = [
    "ASCII",
    "DOTALL",
    "IGNORECASE",
    "MULTILINE",
    "NOFLAG",
    "UNICODE",
    "VERBOSE",
    "A",
    "I",
    "M",
    "Match",
    "Pattern",
    "RegexFlag",
    "S",
    "U",
    "X",
    "compile",
    "error",
    "escape",
    "findall",
    "finditer",
    "fullmatch",
    "match",
    "real",
    "search",
    "split",
    "sub",
    "subn",
]

# What a compiled pattern exposes; copied onto the stand-in once it has compiled.
_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)

# One stand-in per (pattern, flags): a pattern built at run time and compiled again
# on each call costs a dict lookup, like the `re` module's own cache. Cleared when it
# grows past this, as `re` does.
_CACHE_SIZE = 4096
_STAND_INS: dict[tuple[type, str | bytes, int], _LazyPattern] = {}


class _LazyPattern:
    """Stands for `re.compile(pattern, flags)` until an attribute is read."""

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> Pattern[Any]:
        real = _re.compile(self.pattern, self._flags)
        for name in _ATTRIBUTES:
            setattr(self, name, getattr(real, name))
        self.compiled = lambda: real  # type: ignore[method-assign]
        return real

    def __getattr__(self, name: str) -> Any:
        # Only reached for a name not set on the instance: before the first compile.
        if name.startswith("__") or name in ("pattern", "_flags"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str | bytes, int]]:
        return _LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return repr(self.compiled())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _LazyPattern):
            other = other.compiled()
        return self.compiled() == other

    def __hash__(self) -> int:
        return hash(self.compiled())


def compile(pattern: str | Pattern[str], flags: int = 0) -> Pattern[str]:  # noqa: A001
    """`re.compile`, compiled when first used."""
    if not isinstance(pattern, str | bytes):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, int(flags))
    found = _STAND_INS.get(key)
    if found is None:
        if len(_STAND_INS) >= _CACHE_SIZE:
            _STAND_INS.clear()
        found = _STAND_INS[key] = _LazyPattern(pattern, int(flags))
    return cast(Pattern[str], found)


def _real(pattern: str | Pattern[str]) -> str | Pattern[str]:
    if isinstance(pattern, _LazyPattern):
        return pattern.compiled()
    return pattern


def real(value: object) -> Pattern[Any] | None:
    """The compiled `re.Pattern` behind `value` (compiling a stand-in now), or None
    when `value` is no pattern: for code that inventories patterns."""
    if isinstance(value, _LazyPattern):
        return value.compiled()
    return value if isinstance(value, Pattern) else None


def search(pattern: str | Pattern[str], string: str, flags: int = 0) -> Match[str] | None:
    return _re.search(_real(pattern), string, flags)


def match(pattern: str | Pattern[str], string: str, flags: int = 0) -> Match[str] | None:
    return _re.match(_real(pattern), string, flags)


def fullmatch(pattern: str | Pattern[str], string: str, flags: int = 0) -> Match[str] | None:
    return _re.fullmatch(_real(pattern), string, flags)


def finditer(pattern: str | Pattern[str], string: str, flags: int = 0) -> Iterator[Match[str]]:
    return _re.finditer(_real(pattern), string, flags)


def findall(pattern: str | Pattern[str], string: str, flags: int = 0) -> list[Any]:
    return _re.findall(_real(pattern), string, flags)


def split(
    pattern: str | Pattern[str], string: str, maxsplit: int = 0, flags: int = 0
) -> list[str | Any]:
    return _re.split(_real(pattern), string, maxsplit=maxsplit, flags=flags)


def sub(
    pattern: str | Pattern[str],
    repl: str | Callable[[Match[str]], str],
    string: str,
    count: int = 0,
    flags: int = 0,
) -> str:
    return _re.sub(_real(pattern), repl, string, count=count, flags=flags)


def subn(
    pattern: str | Pattern[str],
    repl: str | Callable[[Match[str]], str],
    string: str,
    count: int = 0,
    flags: int = 0,
) -> tuple[str, int]:
    return _re.subn(_real(pattern), repl, string, count=count, flags=flags)
