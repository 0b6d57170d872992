"""Python source as the Python checks read it: a whole file, or for a file the diff
shows only in part, each hunk as a unit of its own, with the imports it needs put
above it; units that do not parse are salvaged line by line where they can be."""

from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath

from bot import lazyre as re
from bot.models import ChangedFile

# Imports put above each hunk of a partial file: ruff only reports `yaml.load(...)`
# when `yaml` resolves to the module, and a hunk rarely shows the file's imports.
_PARTIAL_HEADER = (
    "import hashlib, os, pickle, ssl, subprocess, tarfile",
    "import httpx, paramiko, requests, yaml",
)


@dataclass
class Unit:
    """One file handed to ruff: a whole file, or a piece of a partial view."""

    path: str  # the ChangedFile's path
    name: str  # relative name inside the temporary tree
    lines: list[str]
    rows: list[int]  # unit line index -> real line number; 0 for scaffolding
    region: list[tuple[int, str]] | None = None  # the hunk a partial unit came from
    # Per scope: assignments by variable name (for SQL kept in a variable).
    assignments: dict[int, dict[str, list[ast.stmt]]] = field(default_factory=dict, repr=False)
    _tree: ast.Module | None = field(default=None, repr=False)
    _parsed: bool = field(default=False, repr=False)
    _index: TreeIndex | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def tree(self) -> ast.Module | None:
        """Parsed on first use: most units never need Python's own parser."""
        if not self._parsed:
            self._tree = parse_python(self.text)
            self._parsed = True
        return self._tree

    @property
    def index(self) -> TreeIndex | None:
        """Calls by line and parents of the tree, built on first use."""
        if self._index is None and self.tree is not None:
            self._index = TreeIndex(self.tree)
        return self._index

    def real(self, row: int) -> int:
        """Real line of a 1-based unit row; 0 when it is scaffolding or out of range."""
        return self.rows[row - 1] if 0 < row <= len(self.rows) else 0


Point = tuple[int, int]  # (line, column in UTF-8 bytes), as `ast` positions count


def span(node: ast.AST) -> tuple[Point, Point]:
    return (
        (getattr(node, "lineno", 0), getattr(node, "col_offset", 0)),
        (getattr(node, "end_lineno", 0) or 0, getattr(node, "end_col_offset", 0) or 0),
    )


class TreeIndex:
    """Where a check asks about many findings of one file (one per ruff diagnostic), a
    walk from the root for each made a file of many calls quadratic: this walks once."""

    def __init__(self, tree: ast.Module) -> None:
        self._parents: dict[int, ast.AST] = {}
        self._calls: dict[int, list[ast.Call]] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self._parents[id(child)] = node
            if isinstance(node, ast.Call) and getattr(node, "end_lineno", None) is not None:
                for row in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                    self._calls.setdefault(row, []).append(node)

    def call_at(self, point: Point) -> ast.Call | None:
        """The innermost call whose span holds `point`."""
        holding = [c for c in self._calls.get(point[0], ()) if span(c)[0] <= point < span(c)[1]]
        # Calls nest, so the innermost starts last (and, sharing a start, ends first).
        return max(holding, key=lambda c: (span(c)[0], _negated(span(c)[1])), default=None)

    def ancestors(self, node: ast.AST) -> list[ast.AST]:
        """The nodes enclosing `node`, outermost first."""
        chain: list[ast.AST] = []
        parent = self._parents.get(id(node))
        while parent is not None:
            chain.append(parent)
            parent = self._parents.get(id(parent))
        return chain[::-1]


def _negated(point: Point) -> Point:
    return (-point[0], -point[1])


def parse_python(text: str) -> ast.Module | None:
    """Python's tree of `text`, or None. Cached by text: several checks parse the same
    files and hunks, and parsing is most of their cost. Callers must not mutate it."""
    return _parse_python(text)


@lru_cache(maxsize=256)
def _parse_python(text: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes etc. are not our business
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        # CPython's parser answers an expression nested past its own stack (`not not
        # ... x` fifty thousand times, no bracket in sight) with MemoryError.
        return None


def _indent(line: str) -> int:
    expanded = line.expandtabs(8)
    return len(expanded) - len(expanded.lstrip())


def _is_code(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _regions(known: dict[int, str]) -> list[list[tuple[int, str]]]:
    """Runs of consecutive known lines (one per hunk, roughly)."""
    out: list[list[tuple[int, str]]] = []
    previous = -1
    for number in sorted(known):
        if number != previous + 1 or not out:
            out.append([])
        out[-1].append((number, known[number]))
        previous = number
    return out


def _scaffold(region: list[tuple[int, str]]) -> tuple[list[str], list[int]]:
    """The region with block openers above it so its indentation parses."""
    code = [text for _, text in region if _is_code(text)]
    if not code:
        return [], []
    first = code[0]
    start = _indent(first)
    levels = sorted({_indent(t) for t in code if _indent(t) < start} | ({0} if start else set()))
    head = [" " * level + "if True:" for level in levels]
    word = first.lstrip().split(" ", 1)[0].rstrip(":")
    if word in {"elif", "else"}:
        head += [" " * start + "if True:", " " * (start + 4) + "pass"]
    elif word in {"except", "finally"}:
        head += [" " * start + "try:", " " * (start + 4) + "pass"]
    lines = head + [text for _, text in region]
    rows = [0] * len(head) + [number for number, _ in region]
    last = code[-1]
    if last.rstrip().endswith(":"):
        lines.append(" " * (_indent(last) + 4) + "pass")
        rows.append(0)
    return lines, rows


def _salvage(region: list[tuple[int, str]]) -> tuple[list[str], list[int]]:
    """Lines of a region that parse on their own, dedented: the last resort."""
    lines: list[str] = []
    rows: list[int] = []
    for number, text in region:
        stripped = text.strip()
        if _is_code(stripped) and parse_python(stripped) is not None:
            lines.append(stripped)
            rows.append(number)
    return lines, rows


def _with_header(lines: list[str], rows: list[int]) -> tuple[list[str], list[int]]:
    return list(_PARTIAL_HEADER) + lines, [0] * len(_PARTIAL_HEADER) + rows


_MAX_STEM = 80


def _safe_name(path: str, index: int, part: str = "") -> str:
    """A flat, unique file name for ruff's temporary tree: one directory level for
    hundreds of files (nested copies of the repo's paths cost a mkdir/rmdir each)."""
    stem = re.sub(r"[^A-Za-z0-9_]", "_", PurePosixPath(path.replace("\\", "/")).stem) or "file"
    # A file name is at most 255 bytes: a longer stem failed ruff for every file at once.
    stem = stem[:_MAX_STEM]
    return f"f{index:04d}{part.replace('.', '_')}_{stem}.py"


def units_of(file: ChangedFile, index: int) -> list[Unit]:
    """What ruff should see of one file, with the way back to real line numbers. A
    partial file gives one scaffolded unit per hunk."""
    if file.content is not None:
        lines = file.content.split("\n")
        rows = list(range(1, len(lines) + 1))
        return [Unit(file.path, _safe_name(file.path, index), lines, rows)]
    units = []
    for part, region in enumerate(_regions(file.right_text())):
        body, body_rows = _scaffold(region)
        if body:
            lines, rows = _with_header(body, body_rows)
            name = _safe_name(file.path, index, f".part{part}")
            units.append(Unit(file.path, name, lines, rows, region=region))
    return units


def salvaged(unit: Unit) -> Unit | None:
    """A partial unit ruff could not parse, reduced to the lines that parse alone."""
    if unit.region is None:
        return None
    body, body_rows = _salvage(unit.region)
    if not body:
        return None
    lines, rows = _with_header(body, body_rows)
    return Unit(unit.path, unit.name[: -len(".py")] + ".lines.py", lines, rows)
