"""Every regular expression the rule modules and file selection use, and two ways to
judge whether one can take super-linear time: a static ReDoS analysis (regexploit)
and a timed run over adversarial inputs built from the pattern itself.

Patterns are collected from the imported modules (module constants, nested in
tuples, lists and dicts, and on check objects) and from the source: a literal
pattern handed to `re.search(...)` inside a function is never a module constant.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import bot.rules
from bot import lazyre

# Modules other work owns (API descriptions) and the engine itself.
NOT_AUDITED = {"engine", "openapi", "openapi_diff", "protobuf", "proto_parse"}


def audited_modules() -> list[ModuleType]:
    root = Path(bot.rules.__file__).parent
    names = sorted(
        ".".join(p.relative_to(root).with_suffix("").parts)
        for p in [*root.glob("*.py"), *root.glob("lib/*.py")]
        if p.stem not in NOT_AUDITED and p.stem != "__init__"
    )
    modules = [importlib.import_module(f"bot.rules.{n}") for n in names]
    return [*modules, importlib.import_module("bot.select")]


@dataclass(frozen=True)
class Found:
    where: str  # module.NAME or module:line
    pattern: str
    flags: int

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)


def _walk(value: Any, seen: set[int], depth: int = 0) -> Iterator[re.Pattern[str]]:
    if depth > 6 or id(value) in seen:
        return
    seen.add(id(value))
    pattern = lazyre.real(value)  # module-level patterns are `bot.lazyre` stand-ins
    if pattern is not None:
        if isinstance(pattern.pattern, str):
            yield pattern
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _walk(item, seen, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item, seen, depth + 1)
    elif hasattr(value, "__dict__") and type(value).__module__.startswith("bot."):
        for item in vars(value).values():
            yield from _walk(item, seen, depth + 1)


_RE_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "split"}


def _literal_calls(module: ModuleType) -> Iterator[Found]:
    """`re.search(r"...", text)` with a literal pattern anywhere in the module."""
    source = inspect.getsource(module)
    for node in ast.walk(ast.parse(source)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _RE_CALLS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
        ):
            continue
        try:
            pattern = ast.literal_eval(node.args[0])
        except ValueError:
            continue
        if isinstance(pattern, str):
            flags = _literal_flags(node)
            yield Found(f"{module.__name__}:{node.lineno}", pattern, flags)


def _literal_flags(call: ast.Call) -> int:
    exprs = [k.value for k in call.keywords if k.arg == "flags"]
    if call.func.attr == "compile" and len(call.args) > 1:  # type: ignore[attr-defined]
        exprs.append(call.args[1])
    flags = 0
    for expr in exprs:
        for node in ast.walk(expr):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                flag = getattr(re, node.attr, None)
                if isinstance(flag, re.RegexFlag):
                    flags |= flag
    return flags


def collect() -> list[Found]:
    """Each distinct (pattern, flags) once, named by where it was first seen."""
    out: dict[tuple[str, int], Found] = {}
    for module in audited_modules():
        short = module.__name__.removeprefix("bot.")
        for name, value in vars(module).items():
            if isinstance(value, ModuleType) or (
                inspect.isclass(value) and value.__module__ != module.__name__
            ):
                continue
            for pattern in _walk(value, set()):
                key = (pattern.pattern, int(pattern.flags) & ~re.UNICODE)
                out.setdefault(key, Found(f"{short}.{name}", pattern.pattern, key[1]))
        for found in _literal_calls(module):
            key = (found.pattern, found.flags)
            out.setdefault(key, Found(found.where.removeprefix("bot."), *key))
    return sorted(out.values(), key=lambda f: f.where)


def static_redos(found: Found) -> list[str]:
    """regexploit's findings: each an example input that backtracks at least cubically."""
    from regexploit.redos import find

    parser = _Parser()
    parsed = parser.parse_sre(found.pattern, found.flags)
    out = []
    for sequence in [parsed, *parser.atomic]:
        out += [f"starriness {r.starriness}: {r.example()}" for r in find(sequence)]
    return out


def _parser_class() -> type:
    with warnings.catch_warnings():  # regexploit imports the deprecated sre_* modules
        warnings.simplefilter("ignore", DeprecationWarning)
        from regexploit.ast.char import Character
        from regexploit.ast.sequence import Sequence
        from regexploit.ast.sre import SreOpParser

    class Parser(SreOpParser):  # type: ignore[misc]
        """regexploit predates possessive quantifiers and atomic groups (Python 3.11).
        Neither gives back what it took, so each counts as one step of the sequence
        around it; an atomic group's inside is checked on its own."""

        def __init__(self) -> None:
            super().__init__()
            self.atomic: list[Any] = []

        def from_POSSESSIVE_REPEAT(self, data: tuple[int, Any, Any]) -> Any:
            minimum, _, elements = data
            return self.from_MAX_REPEAT((min(minimum, 1), 1, elements))

        def from_ATOMIC_GROUP(self, elements: Any) -> Any:
            inner = self.sequence_or_singleton(elements)
            if inner is None:
                return None
            # Whatever follows may fail, making the group's inside retry every split.
            parts = inner.elements if isinstance(inner, Sequence) else [inner]
            self.atomic.append(Sequence([*parts, Character.LITERAL(0)]))
            if not inner.starriness:
                return inner
            return inner.overall_character_class()

    return Parser


def _Parser() -> Any:  # noqa: N802  (a class made on first use: regexploit is optional)
    return _parser_class()()


# --- timed adversarial inputs ---------------------------------------------------------

_FILLERS = " \t\na0_$.,:;=()[]{}<>'\"`/\\-+*%?@#!|&^~"


def adversarial(found: Found, size: int) -> Iterator[str]:
    """Long runs of each character the pattern can consume, bare and behind a literal
    prefix of the pattern (a near miss), each followed by a character that ends the run."""
    compiled = found.compiled()
    literals = [s for s in re.findall(r"[A-Za-z_]{2,}[.(:]?", found.pattern)][:6]
    for char in _FILLERS:
        run = char * size
        yield run + "\x01"
        for literal in literals:
            yield literal + run + "\x01"
        for literal in literals[:2]:
            yield (literal + char) * (size // (len(literal) + 1)) + "\x01"
    del compiled


def worst_time(found: Found, size: int) -> tuple[float, str]:
    compiled = found.compiled()
    worst = (0.0, "")
    for text in adversarial(found, size):
        start = time.perf_counter()
        for _ in compiled.finditer(text):
            pass
        compiled.match(text)
        took = time.perf_counter() - start
        if took > worst[0]:
            worst = (took, text[:40])
    return worst


# --- a line-start run that crosses lines ----------------------------------------------


def restarts_across_lines(found: Found) -> bool:
    """A MULTILINE `^` followed by a run that can eat a newline (`^\\s*x`): the search
    restarts at every line and each start runs over all the blank lines that follow,
    which is quadratic in the number of blank lines (a diff from deep in a file has
    one for every line it does not show). `^[ \\t]*x` does the same work in linear time."""
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

    if not found.flags & re.MULTILINE:
        return False
    tree = _parser.parse(found.pattern, found.flags)

    def eats_newline(item: tuple[Any, Any]) -> bool:
        single = _parser.SubPattern(tree.state, [item])
        return _compiler.compile(single, found.flags).fullmatch("\n") is not None

    def first(items: list[Any]) -> list[Any]:
        while items and items[0][0] is _constants.SUBPATTERN:
            items = list(items[0][1][3])
        return items[:1]

    def walk(items: list[Any]) -> bool:
        for index, (op, arg) in enumerate(items):
            if op is _constants.AT and arg is _constants.AT_BEGINNING:
                following = first(items[index + 1 :])
                repeats = (
                    _constants.MAX_REPEAT,
                    _constants.MIN_REPEAT,
                    _constants.POSSESSIVE_REPEAT,
                )
                if following and following[0][0] in repeats:
                    low, high, body = following[0][1]
                    if high > 1 and all(eats_newline(item) for item in body):
                        return True
            if op is _constants.BRANCH and any(walk(list(b)) for b in arg[1]):
                return True
            if op in (_constants.SUBPATTERN,) and walk(list(arg[3])):
                return True
        return False

    return walk(list(tree))
