"""Flows that cross the JavaScript and TypeScript files of one change: an Express or
NestJS handler passing request input to a function or a service method of another
changed file that sends it to a sink (builds SQL, runs a command).

The engine and the message are `bot.rules.taint.cross`'s; what differs is how a call
finds the function it runs. Only what an import in view says is followed:

- `fn(...)` imported by name from a relative module (`import { fn } from './db'`,
  `const { fn } = require('../db')`, `import { fn as f }`);
- `mod.fn(...)` where `mod` is a namespace, default or `require` import of one;
- `this.ordersService.find(...)` or `ordersService.find(...)` (NestJS injects the
  service by constructor): a method `find` of exactly one changed file the caller
  imports, whose class or file is named like the receiver (`OrdersService`,
  `orders.service.ts`).

A package import (`from 'pg'`) or a module outside the change is never resolved: code
the change does not show makes no claim.
"""

from __future__ import annotations

import operator
import posixpath
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property

from bot import lazyre as re
from bot.models import ChangedFile
from bot.rules import astgrep
from bot.rules.taint import ir, spec, tree_front
from bot.rules.taint.flow import Analyzer, Flow, Origin
from bot.select import is_test_path

_JS = frozenset({"javascript", "typescript"})
_EXTENSIONS = (".ts", ".tsx", ".js", ".mjs", ".cjs", ".jsx")
_IMPORT = re.compile(
    r"\bimport\s+(?:type\s+)?(?P<default>[\w$]+)?\s*,?\s*"
    r"(?:\{(?P<named>[^}]{0,2000})\})?\s*(?:\*\s*as\s+(?P<ns>[\w$]+))?\s*"
    r"from\s*['\"](?P<spec>\.{1,2}/[^'\"]{1,300})['\"]"
)
_REQUIRE = re.compile(
    r"\b(?:const|let|var)\s+(?:(?P<default>[\w$]+)|\{(?P<named>[^}]{0,2000})\})\s*=\s*"
    r"require\(\s*['\"](?P<spec>\.{1,2}/[^'\"]{1,300})['\"]\s*\)"
)
_CLASS = re.compile(r"\bclass\s+([\w$]+)")


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _resolve_path(caller: str, target: str, paths: frozenset[str]) -> str | None:
    base = posixpath.normpath(posixpath.join(posixpath.dirname(caller), target))
    stems = [base]
    if base.endswith((".js", ".mjs", ".cjs", ".jsx")):
        stems.append(base.rsplit(".", 1)[0])  # TypeScript imports `./x.js` for `x.ts`
    for stem in stems:
        for candidate in (stem, *(stem + e for e in _EXTENSIONS)):
            if candidate in paths:
                return candidate
        for ext in _EXTENSIONS:
            if f"{stem}/index{ext}" in paths:
                return f"{stem}/index{ext}"
    return None


class _JsFile:
    def __init__(self, file: ChangedFile, data: spec.Spec) -> None:
        self.file = file
        self.path = file.path
        self.data = data
        self.text = file.visible_text()
        # Local name -> (path of a changed file, the name it exports or None for the
        # module itself); filled by `link`.
        self.imports: dict[str, tuple[str, str | None]] = {}
        self.classes = {_norm(c) for c in _CLASS.findall(self.text)}
        stem = posixpath.basename(self.path).split(".")
        self.stem = _norm("".join(stem[:-1]) if len(stem) > 1 else stem[0])
        self.resolver: _Resolver | None = None
        hint = data.hint
        self.caller = bool(re.search(hint, self.text)) if hint else True

    def link(self, paths: frozenset[str]) -> None:
        for pattern in (_IMPORT, _REQUIRE):
            for match in pattern.finditer(self.text):
                target = _resolve_path(self.path, match.group("spec"), paths)
                if target is None or target == self.path:
                    continue
                groups = match.groupdict()
                for key in ("default", "ns"):
                    if groups.get(key):
                        self.imports[groups[key]] = (target, None)
                for item in (groups.get("named") or "").split(","):
                    words = item.replace(":", " as ").split()
                    words = [w for w in words if w != "type"]
                    if not words:
                        continue
                    local = words[-1] if len(words) >= 3 and words[-2] == "as" else words[0]
                    self.imports[local] = (target, words[0])

    @cached_property
    def analyzer(self) -> Analyzer:
        root = astgrep.root_of(self.file)
        module = (
            tree_front.module(root, self.data, "javascript")
            if root is not None
            else ir.Module("javascript")
        )
        analyzer = Analyzer(module, self.data)
        analyzer.path = self.path
        analyzer.external = self._external
        return analyzer

    @cached_property
    def functions(self) -> dict[str, ir.Function]:
        out: dict[str, ir.Function] = {}
        for func in self.analyzer.module.functions:
            if func.outer is None and not func.name.startswith("<"):
                out.setdefault(func.name, func)
        return out

    def named_like(self, receiver: str) -> bool:
        want = _norm(receiver)
        return bool(want) and (want == self.stem or want in self.classes)

    def _external(self, call: ir.Call) -> tuple[Analyzer, ir.Function] | None:
        found = self.resolver.resolve(self, call.callee) if self.resolver else None
        if found is None:
            return None
        target, name = found
        func = target.functions.get(name)
        return None if func is None else (target.analyzer, func)


class _Resolver:
    def __init__(self, files: list[_JsFile]) -> None:
        self.by_path = {f.path: f for f in files}
        paths = frozenset(self.by_path)
        for item in files:
            item.resolver = self
            item.link(paths)

    def resolve(self, caller: _JsFile, callee: str) -> tuple[_JsFile, str] | None:
        parts = callee.split(".")
        name = parts[-1]
        if len(parts) == 1:
            bound = caller.imports.get(name)
            if bound is None or bound[1] is None:
                return None
            target = self.by_path[bound[0]]
            return target, bound[1]
        head = parts[0]
        if len(parts) == 2 and head in caller.imports and caller.imports[head][1] is None:
            return self.by_path[caller.imports[head][0]], name
        receiver = parts[-2]
        if len(parts) > 3 or (len(parts) == 3 and head != "this"):
            return None
        candidates = {
            path
            for path, _ in caller.imports.values()
            if name in self.by_path[path].functions and self.by_path[path].named_like(receiver)
        }
        if len(candidates) != 1:
            return None
        return self.by_path[candidates.pop()], name


# The last answer: the cross-file check may be asked twice about the same files.
_LAST: list[tuple[tuple[ChangedFile, ...], list[tuple[str, Flow]]]] = []


def cross_js_flows(files: Sequence[ChangedFile]) -> list[tuple[str, Flow]]:
    """(caller path, flow) for every flow whose sink is in another JS/TS file of the
    change, the origins of one sink from one caller merged."""
    mine = tuple(f for f in files if f.language in _JS and not is_test_path(f.path))
    if _LAST and len(_LAST[0][0]) == len(mine) and all(map(operator.is_, _LAST[0][0], mine)):
        return _LAST[0][1]
    out = _flows(mine)
    _LAST[:] = [(mine, out)]
    return out


def _flows(files: Sequence[ChangedFile]) -> list[tuple[str, Flow]]:
    if len(files) < 2:
        return []
    data = spec.load("javascript")
    parsed = [_JsFile(f, data) for f in files]
    _Resolver(parsed)
    merged: dict[tuple[str, str, int, str], Flow] = {}
    for item in parsed:
        if not item.caller or not item.imports:
            continue
        for found in item.analyzer.raw_flows():
            if found.where is None or found.where[0] == item.path:
                continue
            key = (item.path, found.where[0], found.line, found.cls)
            old = merged.get(key)
            if old is None:
                merged[key] = found
            else:
                union: dict[tuple[str, int], Origin] = {}
                for o in (*old.origins, *found.origins):
                    # A path that went through no opaque call speaks for the origin.
                    if (o.label, o.line) not in union or union[o.label, o.line].through:
                        union[o.label, o.line] = o
                merged[key] = replace(old, origins=tuple(union.values()))
    out: list[tuple[str, Flow]] = []
    for key in sorted(merged):
        found = merged[key]
        origins = tuple(sorted(found.origins, key=lambda o: (o.line, o.var or "", o.label)))
        out.append((key[0], replace(found, origins=origins)))
    return out
