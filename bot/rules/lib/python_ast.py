"""Python files as the Python security checks read them: parsed once per review (whole,
or hunk by hunk for a partial file), small ast helpers, names that mean a password,
and request data followed through simple assignments."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules.engine import Hit
from bot.rules.lib.python_units import Unit, parse_python, salvaged, units_of


@dataclass(frozen=True)
class Found:
    """A problem in a unit, in the unit's own rows."""

    row: int
    end_row: int
    detail: str
    # (text to find on the first row, replacement) for a mechanical one-line fix.
    swap: tuple[str, str] | None = None


Finder = Callable[[ast.Module], Iterable[Found]]


@dataclass
class _Piece:
    """A unit of the file, its text, and the unit that parses (itself, salvaged lines, or
    None), worked out only when a check's hint matches the text."""

    unit: Unit
    text: str
    parsed: Unit | None = None
    tried: bool = False

    def tree_unit(self) -> Unit | None:
        if not self.tried:
            self.tried = True
            if self.unit.tree is not None:
                self.parsed = self.unit
            else:
                fallback = salvaged(self.unit)
                if fallback is not None and fallback.tree is not None:
                    self.parsed = fallback
        return self.parsed


# By path, with the file object it was built from: the checks of one review get the same
# `ChangedFile` objects, and building the partial view's text again for each costs more
# than the checks themselves.
_UNIT_CACHE: dict[str, tuple[ChangedFile, list[_Piece]]] = {}


_UNIT_CACHE_SIZE = 512


def _pieces(file: ChangedFile) -> list[_Piece]:
    cached = _UNIT_CACHE.get(file.path)
    if cached is not None and cached[0] is file:
        return cached[1]
    # The hint looks at the file's own lines, not the imports scaffolding adds.
    pieces = [
        _Piece(unit, "\n".join(t for t, row in zip(unit.lines, unit.rows, strict=False) if row))
        for unit in units_of(file, 0)
    ]
    if len(_UNIT_CACHE) >= _UNIT_CACHE_SIZE:
        _UNIT_CACHE.clear()
    _UNIT_CACHE[file.path] = (file, pieces)
    return pieces


def parsed_units(file: ChangedFile, hint: re.Pattern[str] | None = None) -> list[Unit]:
    """The file's units that parse (a partial view falls back to salvaged lines), parsed
    once per review however many checks ask; with `hint`, only units whose text matches."""
    out: list[Unit] = []
    for piece in _pieces(file):
        if hint is not None and not hint.search(piece.text):
            continue
        unit = piece.tree_unit()
        if unit is not None:
            out.append(unit)
    return out


def _suggestion(unit: Unit, row: int, swap: tuple[str, str] | None) -> str | None:
    """The flagged line with one mechanical edit, offered only when the file still parses."""
    if swap is None or not 0 < row <= len(unit.lines):
        return None
    line = unit.lines[row - 1]
    if swap[0] not in line:
        return None
    fixed = line.replace(swap[0], swap[1], 1)
    lines = list(unit.lines)
    lines[row - 1] = fixed
    return fixed if parse_python("\n".join(lines) + "\n") is not None else None


def python_hits(
    file: ChangedFile, rule: str, finder: Finder, hint: re.Pattern[str] | None = None
) -> list[Hit]:
    hits: list[Hit] = []
    for unit in parsed_units(file, hint):
        assert unit.tree is not None
        for found in finder(unit.tree):
            line = unit.real(found.row)
            if not line:
                continue
            end = unit.real(found.end_row) or line
            suggestion = _suggestion(unit, found.row, found.swap) if end == line else None
            hits.append(Hit(rule, file.path, line, max(end, line), found.detail, suggestion))
    return hits


def dotted(node: ast.AST) -> str:
    """`a.b.c` for a Name/Attribute chain, '' otherwise."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None


def is_const(node: ast.AST | None, value: object) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def _span(node: ast.AST) -> tuple[int, int]:
    first = getattr(node, "lineno", 0)
    return first, getattr(node, "end_lineno", None) or first


def found(node: ast.AST, detail: str, swap: tuple[str, str] | None = None) -> Found:
    first, last = _span(node)
    return Found(first, last, detail, swap)


_NODES: dict[int, tuple[ast.AST, list[ast.AST]]] = {}


def all_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node under a module, walked once however many finders ask."""
    if not isinstance(tree, ast.Module):
        return list(ast.walk(tree))
    cached = _NODES.get(id(tree))
    if cached is not None and cached[0] is tree:
        return cached[1]
    if len(_NODES) >= _UNIT_CACHE_SIZE:
        _NODES.clear()
    nodes = _walk(tree)
    _NODES[id(tree)] = (tree, nodes)
    return nodes


def _walk(tree: ast.AST) -> list[ast.AST]:
    """`list(ast.walk(tree))`, in the same (breadth-first) order, without its two
    generators per node: a large change walks ~100k nodes."""
    out: list[ast.AST] = [tree]
    index = 0
    while index < len(out):
        node = out[index]
        index += 1
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, ast.AST):
                out.append(value)
            elif isinstance(value, list):
                out.extend(item for item in value if isinstance(item, ast.AST))
    return out


def calls(tree: ast.AST) -> Iterator[ast.Call]:
    for node in all_nodes(tree):
        if isinstance(node, ast.Call):
            yield node


def short(node: ast.AST, limit: int = 50) -> str:
    try:
        text = " ".join(ast.unparse(node).split())
    except (ValueError, TypeError, AttributeError, RecursionError):
        return "…"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in all_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


_PASSWORD_WORDS = frozenset({"password", "passwd", "pwd", "passphrase", "pw", "pass", "passwort"})


# Hashing a reset token, a salt or an already-hashed value with SHA-256 is fine.
_NOT_PASSWORD = frozenset({"token", "reset", "hash", "hashed", "digest", "salt", "otp", "policy"})


def names_password(identifier: str) -> bool:
    words = {w.lower() for w in _WORD.findall(identifier.replace("_", " "))}
    return bool(words & _PASSWORD_WORDS) and not words & _NOT_PASSWORD


def mentions_password(node: ast.AST) -> str | None:
    for child in ast.walk(node):
        name = None
        if isinstance(child, ast.Name):
            name = child.id
        elif isinstance(child, ast.Attribute):
            name = child.attr
        elif (
            isinstance(child, ast.Constant)
            and isinstance(child.value, str)
            and re.fullmatch(r"\w+", child.value)
        ):
            name = child.value  # request.POST["password"]
        if name and names_password(name):
            return name
    return None


_REQUEST_ATTRS = frozenset(
    {
        "GET",
        "POST",
        "args",
        "form",
        "values",
        "data",
        "query_params",
        "json",
        "get_json",
        "cookies",
        "COOKIES",
        "headers",
        "META",
        "query",
        "path_params",
        "match_info",
        "body",
    }
)


def _is_request(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in {"request", "req"}
    return isinstance(node, ast.Attribute) and node.attr == "request"


_ESCAPES = frozenset(
    {
        "escape",
        "format_html",
        "conditional_escape",
        "strip_tags",
        "escapejs",
        "render_to_string",
        "render",
        "render_template",
        "quote",
        "urlencode",
        "int",
        "len",
        "dumps",
        "clean",
        "linebreaks",
        "urlize",
    }
)


def _unescaped_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """`ast.walk`, not entering calls that escape or convert what they are given."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, ast.Call) and dotted(current.func).rsplit(".", 1)[-1] in _ESCAPES:
            continue
        yield current
        stack.extend(ast.iter_child_nodes(current))


def request_source(node: ast.AST) -> ast.Attribute | None:
    """The `request.<data>` a node reads, if any (not through an escaping call)."""
    for child in _unescaped_nodes(node):
        if (
            isinstance(child, ast.Attribute)
            and child.attr in _REQUEST_ATTRS
            and _is_request(child.value)
        ):
            return child
    return None


_WRAPPERS = frozenset({"str", "unquote", "quote", "strip", "urljoin", "urlparse", "format"})


def leading(node: ast.AST) -> ast.AST:
    """The part of a string-building expression that decides how the result starts."""
    while True:
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            node = first.value if isinstance(first, ast.FormattedValue) else first
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            node = node.left
        elif (
            isinstance(node, ast.Call)
            and node.args
            and dotted(node.func).rsplit(".", 1)[-1] in _WRAPPERS
        ):
            node = node.args[0]
        else:
            return node


def _assigned_values(func: ast.AST, name: str, before: int) -> list[ast.expr]:
    values: list[tuple[int, ast.expr]] = []
    for node in ast.walk(func):
        if isinstance(node, ast.Assign) and getattr(node, "lineno", 0) < before:
            if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                values.append((node.lineno, node.value))
        elif (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == name
            and node.value is not None
            and node.lineno < before
        ):
            values.append((node.lineno, node.value))
    return [v for _, v in sorted(values, key=lambda item: item[0])]


class Taint:
    """Request data reaching an expression, directly or through one local variable."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self._functions: list[ast.AST] | None = None

    def _scope(self, node: ast.AST) -> ast.AST:
        """The innermost function around `node` (found by line span, only when asked)."""
        if self._functions is None:
            self._functions = list(functions(self.tree))
        line = _span(node)[0]
        best: ast.AST = self.tree
        best_size = -1
        for func in self._functions:
            first, last = _span(func)
            if first <= line <= last and (best_size < 0 or last - first < best_size):
                best, best_size = func, last - first
        return best

    def anywhere(self, node: ast.AST, at: ast.AST) -> str | None:
        """Request data anywhere in `node` (XSS: any part of the markup)."""
        source = request_source(node)
        if source is not None:
            return short(source)
        for child in _unescaped_nodes(node):
            if isinstance(child, ast.Name):
                values = _assigned_values(self._scope(at), child.id, _span(at)[0])
                if values and request_source(values[-1]) is not None:
                    return f"{child.id} = {short(values[-1], 40)}"
        return None

    def leading(self, node: ast.AST, at: ast.AST) -> str | None:
        """Request data deciding how `node` starts (SSRF: the scheme and host)."""
        head = leading(node)
        if request_source(head) is not None and not isinstance(head, ast.Constant):
            return short(head)
        if isinstance(head, ast.Name):
            values = _assigned_values(self._scope(at), head.id, _span(at)[0])
            if values:
                inner = leading(values[-1])
                if request_source(inner) is not None:
                    return f"{head.id} = {short(values[-1], 40)}"
        return None
