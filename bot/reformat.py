"""Whether a change only reformats a file: the code is the same, only its layout moved.

A formatter run (Black, isort-free reflows, quote changes, wrapped calls) rewrites every
line it touches, so each rule sees "added" code that was there before. For Python the
answer is exact: the pre-change file is rebuilt from the post-change text and the diff's
hunks, and both are parsed; the same syntax tree means nothing but layout changed.
Pure: a `ChangedFile` in, a bool out.
"""

from __future__ import annotations

import ast
import warnings

from bot.models import ChangedFile, FileStatus, LineType


def base_text(file: ChangedFile) -> str | None:
    """The pre-change text, rebuilt from the post-change text and the hunks (None when
    the post-change text is unknown or the hunks do not fit it)."""
    if file.content is None:
        return None
    head = file.content.splitlines()
    out: list[str] = []
    pos = 1  # the next post-change line not yet copied
    for hunk in sorted(file.hunks, key=lambda h: h.new_start):
        # A hunk that only removes lines starts after `new_start`, not at it.
        upto = hunk.new_start - 1 if hunk.new_length > 0 else hunk.new_start
        if upto < pos - 1 or upto > len(head):
            return None
        out.extend(head[pos - 1 : upto])
        pos = upto + 1
        for line in hunk.lines:
            if line.type is LineType.REMOVED:
                out.append(line.text)
                continue
            if line.new_no is None or line.new_no != pos or line.new_no > len(head):
                return None
            if line.type is LineType.CONTEXT:
                out.append(head[pos - 1])
            pos += 1
    out.extend(head[pos - 1 :])
    return "\n".join(out) + "\n"


def python_reformat_only(file: ChangedFile) -> bool:
    """Whether a modified Python file's change leaves its syntax tree as it was."""
    if file.status is not FileStatus.MODIFIED or not file.path.endswith(".py") or not file.hunks:
        return False
    base = base_text(file)
    if base is None or file.content is None or base == file.content:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences in old code
            return ast.dump(ast.parse(base)) == ast.dump(ast.parse(file.content))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
