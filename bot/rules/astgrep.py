"""Shared plumbing for the checks that read code structurally through ast-grep.

ast-grep panics (a `BaseException`, not an `Exception`) on a language it does not
know, so every entry here goes through `sg_language` first and simply returns
nothing for a language outside the table. Parsing is error-tolerant, which suits
diff-only files whose unseen lines are blank.
"""

from __future__ import annotations

from functools import lru_cache

from ast_grep_py import SgNode, SgRoot

from bot import lazyre as re
from bot.models import ChangedFile

# Our language names (bot.select) -> ast-grep's.
SG_LANGUAGES: dict[str, str] = {
    "javascript": "javascript",
    "typescript": "typescript",
    "python": "python",
    "ruby": "ruby",
    "go": "go",
    "java": "java",
    "kotlin": "kotlin",
    "php": "php",
    "csharp": "csharp",
    "scala": "scala",
    "rust": "rust",
}

# Enough for every file of a large PR, so a second check over the same file
# reuses the tree the first one built instead of parsing it again.
_CACHE_SIZE = 512


def sg_language(language: str | None) -> str | None:
    """ast-grep's name for one of our languages, or None when it has no parser."""
    return SG_LANGUAGES.get(language or "")


@lru_cache(maxsize=_CACHE_SIZE)
def _parse(sg_lang: str, text: str) -> SgRoot:
    return SgRoot(text, sg_lang)


def parse(text: str, language: str | None) -> SgNode | None:
    """The root node of `text`, or None for a language ast-grep cannot parse."""
    sg_lang = sg_language(language)
    if sg_lang is None:
        return None
    return _parse(sg_lang, text).root()


def root_of(file: ChangedFile, hint: re.Pattern[str] | None = None) -> SgNode | None:
    """The file's post-change text as far as known, parsed once however many checks ask.

    With `hint`, a file whose text does not contain it is not parsed at all (None):
    a regex scan costs far less than a parse, and most files of a PR hold no route
    or query a given check is looking for.
    """
    text = file.visible_text()
    if hint is not None and not hint.search(text):
        return None
    return parse(text, file.language)


def lines(node: SgNode) -> tuple[int, int]:
    """The node's first and last line, 1-based."""
    span = node.range()
    return span.start.line + 1, span.end.line + 1


def _problems(node: SgNode) -> int:
    """ERROR nodes plus zero-width leaves (tree-sitter's MISSING tokens)."""
    count = 0
    stack = [node]
    while stack:
        current = stack.pop()
        if current.kind() == "ERROR":
            count += 1
            continue
        children = current.children()
        if not children:
            span = current.range()
            count += span.start.index == span.end.index
        stack.extend(children)
    return count


def replace_lines(text: str, first: int, last: int, replacement: str) -> str:
    """`text` with lines first..last (1-based, inclusive) replaced by `replacement`."""
    rows = text.split("\n")
    return "\n".join(rows[: first - 1] + replacement.split("\n") + rows[last:])


def replacement_parses(
    text: str, first: int, last: int, replacement: str, language: str | None
) -> bool:
    """Whether swapping lines first..last for `replacement` leaves the file free of
    new syntax errors (errors the file already had do not count against it)."""
    before = parse(text, language)
    sg_lang = sg_language(language)
    if before is None or sg_lang is None:
        return False
    # Not through the cache: the edited text is parsed once and thrown away.
    after = SgRoot(replace_lines(text, first, last, replacement), sg_lang).root()
    return _problems(after) <= _problems(before)


def line_prefix_suffix(text: str, node: SgNode) -> tuple[str, str] | None:
    """The text before and after a single-line node on its line, or None when the
    node spans lines or its columns cannot be trusted."""
    first, last = lines(node)
    if first != last:
        return None
    rows = text.split("\n")
    if first > len(rows):
        return None
    row = rows[first - 1].rstrip("\r")
    start = node.range().start.column
    body = node.text()
    if row[start : start + len(body)] != body:
        return None
    return row[:start], row[start + len(body) :]
