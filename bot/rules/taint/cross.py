"""Flows that cross the files of one change: a handler in one file passing request
input to a function of another file that sends it to a sink.

Every function of the change's Python files is summarised (which parameters reach a
sink, which reach the return value) by the same engine as a file's own helpers. A call
the caller's file does not define resolves to a function of another file of the change
when the name says so without doubt:

- `module.fn(...)` where `module` is imported from that file's module path
  (`from app.services import orders`, `import app.services.orders as orders`);
- `fn(...)` imported with `from app.services.orders import fn`;
- otherwise, when the imports are out of view (a diff shows hunks, not the import
  block), `fn(...)` or `orders.fn(...)` where exactly one other file of the change
  defines a top-level `fn`, and for the dotted form that file's module is named
  `orders`. A name bound by an import to a module outside the change is never
  resolved this way: code the change does not show is unknown, so no claim is made.

The finding goes on the sink's line in the callee's file. Its machine line keeps the
single-file form, every line in it a line of the finding's file:

    Flow: CWE-89 sink line 26; source lines 22.

where the source line is the called function's `def` (where the value enters this
file), and a second line names the request input's own file and lines:

    Flow from: app/api/orders.py line 17.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import fields, is_dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from bot.models import ChangedFile
from bot.rules.engine import Hit
from bot.rules.taint import ir, python_front, spec
from bot.rules.taint.flow import Analyzer, Flow, Origin
from bot.select import is_test_path

FLOW_FROM = re.compile(r"^Flow from: (\S{1,400}) lines? ([\d, ]{1,400})\.$", re.M)


def _remap(node: Any, real: Any) -> Any:
    """`node` with every IR line number mapped through `real` (unit row -> file line)."""
    if isinstance(node, tuple):
        return tuple(_remap(n, real) for n in node)
    if not is_dataclass(node) or isinstance(node, type):
        return node
    changes: dict[str, Any] = {}
    for item in fields(node):
        value = getattr(node, item.name)
        if item.name in ("line", "end") and isinstance(value, int):
            changes[item.name] = real(value) if value else 0
        elif isinstance(value, tuple) or is_dataclass(value):
            changes[item.name] = _remap(value, real)
    return replace(node, **changes)


def module_name(path: str) -> str:
    """`app/services/orders.py` -> `app.services.orders` (a package's `__init__` is the
    package)."""
    parts = list(PurePosixPath(path).with_suffix("").parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name -> the dotted name it is bound to by an import, anywhere in the unit."""
    out: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    out[alias.asname] = alias.name
                else:
                    head = alias.name.split(".", 1)[0]
                    out[head] = head
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                out[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return out


class _File:
    def __init__(self, file: ChangedFile, data: spec.Spec) -> None:
        # Imported here for the same reason as in `api`: security_python imports the
        # rule engine, which may be importing this package.
        from bot.rules.security_python import parsed_units

        self.path = file.path
        self.module = module_name(file.path)
        merged = ir.Module("python")
        self.imports: dict[str, str] = {}
        for unit in parsed_units(file):
            if unit.tree is None:
                continue
            part = python_front.module(unit.tree, data)
            merged.constants.update(part.constants)
            merged.const_tables |= part.const_tables
            merged.functions.extend(_remap(f, unit.real) for f in part.functions)
            self.imports.update(_imports(unit.tree))
        self.analyzer = Analyzer(merged, data)
        self.analyzer.path = file.path
        # Top-level functions only: a method is called on an object whose class a name
        # alone does not tell.
        self.functions = {f.name: f for f in merged.functions if not f.method}
        self.functions.pop("<module>", None)


class _Resolver:
    def __init__(self, files: list[_File]) -> None:
        self.by_module = {f.module: f for f in files}
        self.by_name: dict[str, list[_File]] = {}
        for item in files:
            for name in item.functions:
                self.by_name.setdefault(name, []).append(item)

    def bind(self, caller: _File) -> None:
        def resolve(call: ir.Call) -> tuple[Analyzer, ir.Function] | None:
            found = self.resolve(caller, call.callee)
            return None if found is None else (found.analyzer, found.functions[_last(call)])

        caller.analyzer.external = resolve

    def resolve(self, caller: _File, callee: str) -> _File | None:
        parts = callee.split(".")
        if len(parts) > 2 or parts[0] in ("self", "cls", "super"):
            return None
        name = parts[-1]
        if name in caller.functions and len(parts) == 1:
            return None  # the caller's own function: the file's own analysis covers it
        bound = caller.imports.get(parts[0])
        if bound is not None:
            # An import in view decides: `orders` -> module, or `fn` -> module.fn.
            target = bound if len(parts) == 2 else bound.rpartition(".")[0]
            found = self.by_module.get(target)
            if found is not None and found is not caller and name in found.functions:
                return found
            return None
        others = [f for f in self.by_name.get(name, []) if f is not caller]
        if len(others) != 1:
            return None
        found = others[0]
        if len(parts) == 2 and found.module.rsplit(".", 1)[-1] != parts[0]:
            return None
        return found


def _last(call: ir.Call) -> str:
    return call.callee.rsplit(".", 1)[-1]


# The last answer: two checks (the `py-*` injection rules and the other injection
# classes) ask about the same files in one review.
_LAST: list[tuple[tuple[ChangedFile, ...], list[tuple[str, Flow]]]] = []


def cross_flows(files: Sequence[ChangedFile]) -> list[tuple[str, Flow]]:
    """(caller path, flow) for every flow whose sink is in another file of `files`; the
    origins of one sink reached from one caller file are merged into one flow, so the
    message does not depend on which origin the engine met first."""
    mine = tuple(f for f in files if f.language == "python" and not is_test_path(f.path))
    if _LAST and len(_LAST[0][0]) == len(mine) and all(map(operator.is_, _LAST[0][0], mine)):
        return _LAST[0][1]
    out = _cross_flows(mine)
    _LAST[:] = [(mine, out)]
    return out


def _cross_flows(files: Sequence[ChangedFile]) -> list[tuple[str, Flow]]:
    data = spec.load("python")
    parsed = [_File(f, data) for f in files]
    if len(parsed) < 2:
        return []
    resolver = _Resolver(parsed)
    for item in parsed:
        resolver.bind(item)
    merged: dict[tuple[str, str, int, str], Flow] = {}
    for item in parsed:
        for found in item.analyzer.raw_flows():
            if found.where is None or found.where[0] == item.path:
                continue
            key = (item.path, found.where[0], found.line, found.cls)
            old = merged.get(key)
            if old is None:
                merged[key] = found
            else:
                union = {(o.label, o.line): o for o in (*old.origins, *found.origins)}
                merged[key] = replace(old, origins=tuple(union.values()))
    out: list[tuple[str, Flow]] = []
    for key in sorted(merged):
        found = merged[key]
        origins = tuple(sorted(found.origins, key=lambda o: (o.line, o.var or "", o.label)))
        out.append((key[0], replace(found, origins=origins)))
    return out


_PARAM = re.compile(r"^`([^`]+)`, a parameter of (handler `[^`]+`)")


def _describe(origins: Sequence[Origin], path: str) -> tuple[str, bool]:
    """The request input of a cross-file flow (parameters of one handler named
    together), and whether it is plural."""
    params = [_PARAM.match(o.label) if o.handler_param else None for o in origins]
    places = {(m.group(2), o.line) for m, o in zip(params, origins, strict=True) if m}
    if all(params) and len(places) == 1:
        ((handler, line),) = places
        names = " and ".join(f"`{m.group(1)}`" for m in params if m)
        what = "a parameter" if len(params) == 1 else "parameters"
        return f"{names}, {what} of {handler} ({path} line {line}),", len(params) > 1
    parts = []
    for origin in origins[:2]:
        if origin.var:
            parts.append(f"`{origin.var}` from `{origin.label}` ({path} line {origin.line})")
        else:
            parts.append(f"`{origin.label}` ({path} line {origin.line})")
    text = " and ".join(parts)
    if len(origins) > 2:
        text += f" (and {len(origins) - 2} more)"
    return text, False


def message(item: Flow, caller: str) -> str:
    text, plural = _describe(item.origins, caller)
    names = " and ".join(f"`{name}`" for name, _ in item.via)
    verb = "reach" if plural else "reaches"
    return f"{text} {verb} `{item.sink}` (line {item.line}) through {names}"


def cross_hits(files: Sequence[ChangedFile], rule_ids: Iterable[str]) -> list[Hit]:
    """Hits at the sink, in the callee's file, of flows that cross files of the change."""
    wanted = set(rule_ids)
    hits: list[Hit] = []
    for caller, item in cross_flows(files):
        if item.rule not in wanted or item.where is None:
            continue
        path, entry = item.where
        text = message(item, caller)
        title = f"{item.label[:1].upper()}{item.label[1:]}: {text}"
        sources = ", ".join(str(n) for n in item.source_lines)
        detail = "\n\n".join(
            [
                f"**Flow:** {text}.",
                f"Flow: CWE-{item.cwe} sink line {item.line}; source lines {entry}.",
                f"Flow from: {caller} line{'s' if len(item.source_lines) > 1 else ''} {sources}.",
            ]
        )
        hits.append(Hit(item.rule, path, item.line, item.end_line, detail, title=title))
    return hits
