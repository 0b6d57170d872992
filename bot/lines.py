"""Line numbers of offsets in a text, without rescanning the text for each one."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

# Below this size counting is as fast as a lookup and keeps nothing alive.
_SMALL = 4096


@lru_cache(maxsize=16)
def _newlines(text: str) -> tuple[int, ...]:
    found: list[int] = []
    at = text.find("\n")
    while at != -1:
        found.append(at)
        at = text.find("\n", at + 1)
    return tuple(found)


def line_of(text: str, index: int) -> int:
    """1-based line of `text[index]`. Rules look up every match of a file; counting
    newlines from the start each time made a file of many matches quadratic."""
    if len(text) < _SMALL:
        return text.count("\n", 0, index) + 1
    return bisect_left(_newlines(text), index) + 1


@lru_cache(maxsize=16)
def rows_of(text: str) -> tuple[str, ...]:
    """`text`'s lines, split once however many matches of a file ask for a window."""
    return tuple(text.split("\n"))
