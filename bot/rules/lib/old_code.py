"""The pre-change version of a changed file, for rules whose hit on an added line may be
code the change only rewrote (a formatter pass, a syntax upgrade, a block moved).

A query advice rule (`query-on-unindexed-column`, `like-leading-wildcard`) is about the
queries a change adds. A `rubocop -a` or `pyupgrade` commit touches every line of a
scope without adding a query; the same query was in the file before, so the index it
lacks is not this change's to add. The base is rebuilt from the head text and the
hunks (removed lines put back, added ones taken out), so it needs no extra read; where
the head is known only from the diff, the lines it does not show stay empty on both
sides.
"""

from __future__ import annotations

import ast
import warnings

from bot import lazyre as re
from bot.models import ChangedFile, FileStatus, Hunk, LineType

_HAS_BASE = frozenset({FileStatus.MODIFIED, FileStatus.RENAMED})


def base_text(file: ChangedFile) -> str | None:
    """The file before the change, line numbers as on the diff's left side; None for a
    file the change adds (it had no previous version)."""
    if file.base_content is not None:
        return file.base_content
    if file.status not in _HAS_BASE or not file.hunks:
        return None
    head = file.visible_text().splitlines()
    out: list[str] = []
    nxt = 1  # the next head line not yet copied
    for hunk in sorted(file.hunks, key=lambda h: h.new_start):
        # A hunk that only removes lines starts *after* its `new_start` line.
        start = hunk.new_start + (1 if hunk.new_length == 0 else 0)
        out.extend(head[nxt - 1 : start - 1])
        nxt = max(nxt, start)
        for row in hunk.lines:
            if row.type is LineType.REMOVED or row.type is LineType.CONTEXT:
                out.append(row.text)
            if row.new_no is not None:
                nxt = row.new_no + 1
    out.extend(head[nxt - 1 :])
    return "\n".join(out) + "\n"


def python_reformat_only(file: ChangedFile) -> bool:
    """Whether a modified Python file's change leaves its syntax tree as it was: a
    formatter run (quotes, wrapping, trailing commas) rewrote lines without changing code.
    Needs the whole head text; a file known only from its diff is never called one."""
    if file.status is not FileStatus.MODIFIED or not file.path.endswith(".py"):
        return False
    if file.content is None or not file.hunks:
        return False
    base = base_text(file)
    if base is None or base == file.content:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences in old code
            return ast.dump(ast.parse(base)) == ast.dump(ast.parse(file.content))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False


def base_file(file: ChangedFile) -> ChangedFile | None:
    """`file` as it was before the change, or None: its text, no hunks, and every line
    counted as added, so a check reports all it finds there."""
    text = base_text(file)
    if text is None:
        return None
    return file.model_copy(
        update={
            "content": text,
            "hunks": (),
            "added_lines": frozenset(range(1, text.count("\n") + 2)),
            "path": file.previous_path or file.path,
        }
    )


def old_lines(hunk: Hunk) -> range:
    """The left-side (pre-change) lines a hunk covers."""
    return range(hunk.old_start, hunk.old_start + hunk.old_length)


def rewritten(file: ChangedFile, head_lines: list[int], base_lines: list[int]) -> set[int]:
    """Of the head lines holding a hit, those in a hunk whose left side held at least as
    many hits of the same check: the change rewrote them (formatting, syntax), it did
    not add them. `base_lines` are the hit lines of the same check on `base_text`."""
    out: set[int] = set()
    if len(file.hunks) == 1 and file.hunks[0].old_length == 0 and file.base_content:
        # The head given whole next to its previous version (no diff between them):
        # a diff with one adding hunk over a non-empty base has no other shape.
        return set(head_lines) if len(base_lines) >= len(head_lines) else set()
    for hunk in file.hunks:
        right = set(hunk.right_lines())
        here = [n for n in head_lines if n in right]
        if not here:
            continue
        left = old_lines(hunk)
        before = sum(1 for n in base_lines if n in left)
        if before >= len(here):
            out.update(here)
    return out


_COMMENT = re.compile(r"^\s*(?:#|//|--|/?\*)")
_WORDS = re.compile(r"\w+")


def _words(rows: list[str]) -> list[str]:
    return [w for row in rows if not _COMMENT.match(row) for w in _WORDS.findall(row)]


# Words a formatter or a linter's safe fixes add or drop around unchanged code (a guard
# clause for an `if`, `self.` dropped, an f-string for `.format`).
_SYNTAX_WORDS = frozenset(
    [
        "if",
        "unless",
        "else",
        "elsif",
        "elif",
        "end",
        "then",
        "do",
        "return",
        "self",
        "this",
        "not",
        "and",
        "or",
        "nil",
        "none",
        "null",
        "true",
        "false",
        "lambda",
        "proc",
        "f",
        "format",
        "def",
        "fn",
        "function",
        "const",
        "let",
        "var",
        "await",
        "async",
    ]
)


def reformatted_lines(file: ChangedFile) -> set[int]:
    """Added lines of hunks that only rewrite code: every word they add was in the lines
    they remove, but for syntax words (`:key => 'v'` to `key: "v"`, a guard clause for
    an `if`, a call re-wrapped). A hunk that adds a name of its own (a new variable, a
    new condition around a moved query) changed the code, and its queries are the
    change's."""
    out: set[int] = set()
    hunks = file.hunks
    if len(hunks) == 1 and hunks[0].old_length == 0 and file.base_content:
        # The head given whole next to its previous version (see `rewritten`).
        if _only_rewritten(file.base_content.splitlines(), file.visible_text().splitlines()):
            out.update(file.added_lines)
        return out
    for hunk in hunks:
        removed = [r.text for r in hunk.lines if r.type is LineType.REMOVED]
        added = [r for r in hunk.lines if r.type is LineType.ADDED and r.new_no is not None]
        if removed and added and _only_rewritten(removed, [r.text for r in added]):
            out.update(r.new_no for r in added if r.new_no is not None)
    return out


# A hunk with more branches than it removed put code under a new condition: a logic
# change, even when every name in it was there before (a guard clause for an `if` is
# one branch for another).
_BRANCHES = frozenset(
    [
        "if",
        "unless",
        "elsif",
        "elif",
        "case",
        "when",
        "switch",
        "for",
        "while",
        "try",
        "catch",
        "rescue",
        "except",
    ]
)


def _only_rewritten(removed: list[str], added: list[str]) -> bool:
    old_words = [w.lower() for w in _words(removed)]
    new_words = [w.lower() for w in _words(added)]
    if sum(w in _BRANCHES for w in new_words) > sum(w in _BRANCHES for w in old_words):
        return False
    return not set(new_words) - set(old_words) - _SYNTAX_WORDS
