"""Functions of a file and the statements inside them, for checks that follow a value
a few lines within one function (a predictable random value into a cookie, a digest
into a password column) without a full flow engine.

A scope is an outermost function (its nested functions and lambdas belong to it; in
Python a nested `def` is a scope of its own) or, for the lines outside every function,
the file itself. A statement is one line, or
several when a `(` or `[` opened on one line closes on a later one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ast_grep_py import SgNode

from bot import lazyre as re
from bot.rules.astgrep import parse

# ast-grep kinds of a function or method per language (a kind a grammar lacks raises,
# hence one list per language).
FUNCTION_KINDS: dict[str, tuple[str, ...]] = {
    "python": ("function_definition",),
    "java": ("method_declaration", "constructor_declaration"),
    "kotlin": ("function_declaration",),
    "scala": ("function_definition",),
    "csharp": ("method_declaration", "local_function_statement", "constructor_declaration"),
    "go": ("function_declaration", "method_declaration"),
    "javascript": (
        "function_declaration",
        "method_definition",
        "arrow_function",
        "function_expression",
    ),
    "typescript": (
        "function_declaration",
        "method_definition",
        "arrow_function",
        "function_expression",
    ),
    "ruby": ("method", "singleton_method"),
    "php": ("function_definition", "method_declaration"),
}

# Ruby, Scala and Kotlin return a body's last expression without saying `return`.
IMPLICIT_RETURN = frozenset({"ruby", "scala", "kotlin", "rust"})

_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`')
_OPENS_BLOCK = re.compile(r"(?:\{|\bdo(?:\s*\|[^|]*\|)?)\s*$")
_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+")


def words(name: str) -> list[str]:
    """`resetToken`, `RESET_TOKEN`, `reset-token` -> ['reset', 'token']."""
    return [w.lower() for w in _WORD_BREAK.split(name) if w]


def without_strings(text: str) -> str:
    """The text with every string literal's contents blanked (same length)."""
    return _STRING.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], text)


@dataclass
class Statement:
    first: int  # 1-based line numbers
    last: int
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Scope:
    name: str  # the function's name; "" for the file's own lines and unnamed functions
    first: int
    last: int
    statements: list[Statement] = field(default_factory=list)
    function: bool = True  # False for the lines outside every function

    @property
    def head(self) -> str:
        """The function's first statement (its name, parameters, a route's path)."""
        return self.statements[0].text if self.function and self.statements else ""


def _name_of(node: object, language: str) -> str:
    from ast_grep_py import SgNode

    assert isinstance(node, SgNode)
    named = node.field("name")
    if named is not None:
        return named.text()
    if language == "kotlin":
        ident = node.find(kind="simple_identifier")
        return ident.text() if ident is not None else ""
    parent = node.parent()
    if parent is not None and parent.kind() in {"variable_declarator", "pair", "assignment"}:
        target = parent.field("name") or parent.field("key") or parent.field("left")
        return target.text() if target is not None else ""
    return ""


def _statements(rows: list[str], first: int, last: int) -> list[Statement]:
    out: list[Statement] = []
    current: Statement | None = None
    depth = 0
    for number in range(first, last + 1):
        row = rows[number - 1] if number - 1 < len(rows) else ""
        if current is None:
            if not row.strip():
                continue
            current = Statement(number, number, [row])
        else:
            current.lines.append(row)
            current.last = number
        bare = without_strings(row)
        depth += bare.count("(") + bare.count("[") - bare.count(")") - bare.count("]")
        # A line that opens a block (`app.post("/x", (req, res) => {`, `items.each do |i|`)
        # ends its statement even inside an open call: the block's lines are statements.
        if depth <= 0 or _OPENS_BLOCK.search(bare) or len(current.lines) >= 30:
            out.append(current)
            current, depth = None, 0
    if current is not None:
        out.append(current)
    return out


@lru_cache(maxsize=8)
def function_spans(text: str, language: str) -> tuple[tuple[str, int, int], ...]:
    """(name, first line, last line) of each outermost function of `text`: parsed once per
    text, however many findings of the file ask which function holds their line."""
    return tuple((s.name, s.first, s.last) for s in scopes(text, language) if s.function)


def enclosing_function(text: str, language: str, line: int) -> tuple[str, int, int] | None:
    """The function of `text` whose lines hold `line`, or None."""
    return next((f for f in function_spans(text, language) if f[1] <= line <= f[2]), None)


_SCALATRA_VERBS = frozenset({"get", "post", "put", "delete", "patch", "options", "head"})


def scalatra_route(block: SgNode) -> bool:
    """`post("/partners/:id/feeds") { ... }`: the block handed to a Scalatra route call."""
    call = block.parent()
    if call is None or call.kind() != "call_expression":
        return False
    inner = call.child(0)
    if inner is None or inner.kind() != "call_expression":
        return False
    verb = inner.child(0)
    if verb is None or verb.kind() != "identifier" or verb.text() not in _SCALATRA_VERBS:
        return False
    args = next((k for k in inner.children() if k.kind() == "arguments"), None)
    first = next((k for k in args.children() if k.is_named()), None) if args is not None else None
    return first is not None and first.kind() == "string"


def _last_line(node: SgNode, text: str) -> int:
    """The last line holding the node's text: Scala's indented body (`def f(): T =` then an
    expression on the next line) runs on to the token after it, over the blank lines and
    indentation before the next definition."""
    span = node.range()
    start, end = span.start.index, span.end.index
    at = end
    while at > start and text[at - 1] in " \t\r\n":
        at -= 1
    return span.end.line + 1 - text.count("\n", at, end)


def scopes(text: str, language: str) -> list[Scope]:
    """The outermost functions of `text`, then the lines outside all of them."""
    root = parse(text, language)
    rows = text.split("\n")
    found: list[tuple[int, int, str]] = []
    if root is not None:
        nodes = [n for kind in FUNCTION_KINDS.get(language, ()) for n in root.find_all(kind=kind)]
        if language == "scala" and "scalatra" in text:
            nodes += [n for n in root.find_all(kind="block") if scalatra_route(n)]
        spans = sorted(
            ((n.range().start.line + 1, _last_line(n, text), _name_of(n, language)) for n in nodes),
            key=lambda s: (s[0], -s[1]),
        )
        for first, last, name in spans:
            if found and first <= found[-1][1]:
                continue  # nested in the one before
            found.append((first, last, name))
    out = [Scope(name, first, last, _statements(rows, first, last)) for first, last, name in found]
    if language == "python" and root is not None:
        out = _split_nested(out, spans, rows)
    inside = {n for _, (first, last, _) in enumerate(found) for n in range(first, last + 1)}
    top = Scope("", 1, len(rows), function=False)
    run: list[int] = []
    for number in range(1, len(rows) + 1):
        if number in inside:
            if run:
                top.statements += _statements(rows, run[0], run[-1])
                run = []
            continue
        run.append(number)
    if run:
        top.statements += _statements(rows, run[0], run[-1])
    return [*out, top]


def _split_nested(
    outer: list[Scope], spans: list[tuple[int, int, str]], rows: list[str]
) -> list[Scope]:
    """Python: each function defined inside another (handlers a `def init(app):` or an
    app factory registers, a decorator's wrapper) is a scope of its own, and the outer
    function keeps only its own lines. Two handlers of one factory share no locals; read
    as one scope, a name of the first would stand for a value of the second."""
    out: list[Scope] = []
    for scope in outer:
        inner = [s for s in spans if scope.first < s[0] and s[1] <= scope.last]
        if not inner:
            out.append(scope)
            continue
        # The outermost functions inside this one, each split the same way in turn.
        direct: list[tuple[int, int, str]] = []
        for first, last, name in inner:
            if direct and first <= direct[-1][1]:
                continue
            direct.append((first, last, name))
        children = [Scope(n, a, b, _statements(rows, a, b)) for a, b, n in direct]
        own: list[Statement] = []
        start = scope.first
        for first, last, _ in direct:
            # The decorators above a nested function belong to it, not to the outer one.
            top = first
            while top - 1 > start and rows[top - 2].strip().startswith("@"):
                top -= 1
            if top - 1 >= start:
                own += _statements(rows, start, top - 1)
            start = last + 1
        if start <= scope.last:
            own += _statements(rows, start, scope.last)
        out.append(Scope(scope.name, scope.first, scope.last, own, scope.function))
        out += _split_nested(children, inner, rows)
    return out


def assignment_target(statement: str) -> str | None:
    """The left side of an assignment statement (`=`, `:=`, `+=`; not `==`, `=>`, `<=`),
    or None. Nothing inside brackets counts: `f(a=1)` is a call."""
    depth = 0
    bare = without_strings(statement)
    for i, ch in enumerate(bare):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "=" and depth <= 0:
            before = bare[i - 1] if i else ""
            after = bare[i + 1] if i + 1 < len(bare) else ""
            if after in "=>~" or before in "=!<>":
                return None
            left = statement[: i - 1 if before in ":+|?&*/-." else i]
            return left.strip() or None
        elif ch == "\n" and depth <= 0:
            break
    return None


def targets_of(left: str, language: str) -> list[str]:
    """The names an assignment's left side writes (`String token`, `self.token`,
    `a, err :=`, `$token`, `val (a, b)`), without types and keywords."""
    names = []
    for part in left.strip("()").split(","):
        part = part.strip()
        if not part:
            continue
        # The last thing before an optional type annotation (`x: str`, `val x: String`).
        if language in {"python", "kotlin", "scala", "typescript"} and ":" in part:
            part = part.split(":", 1)[0].strip()
        match = re.search(r"[$@]*[\w.$@]+(?:\[[^\]]*\])*$", part)
        if match:
            names.append(match.group(0))
    return names


def mentions(text: str, name: str) -> bool:
    """`name` (a variable or a dotted field) read in `text`."""
    return re.search(rf"(?<![\w$@.]){re.escape(name)}(?![\w$])", text) is not None


def returns(statement: Statement, scope: Scope, language: str) -> bool:
    """The statement gives the function's value: a `return`, an expression body on the
    function's own line (`fun code() = ...`, `=> ...`), or an implicit last value."""
    text = statement.text.lstrip()
    if re.match(r"return\b", text):
        return True
    if statement.first == scope.first and re.search(r"\)\s*(?::[^=]*)?=>?(?!=)", text):
        return True
    if language in IMPLICIT_RETURN:
        body = [s for s in scope.statements if s.first > scope.first]
        closing = [s for s in body if s.text.strip() in {"end", "}"}]
        tail = [s for s in body if s not in closing]
        return bool(tail) and tail[-1] is statement
    return False


def iter_lines(statement: Statement) -> Iterator[tuple[int, str]]:
    for offset, row in enumerate(statement.lines):
        yield statement.first + offset, row
