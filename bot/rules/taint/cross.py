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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cached_property, lru_cache
from pathlib import PurePosixPath
from typing import Any

from bot import lazyre as re
from bot.models import ChangedFile, Severity
from bot.rules.engine import Hit
from bot.rules.taint import ir, python_front, spec
from bot.rules.taint.api import bound_nosql_to_summary, checked_to_summary
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


def _scan(unit: Any, into: _Scan, hint: re.Pattern[str] | None) -> None:
    """One walk over a unit of a file that can start a flow: its imports, the names it
    calls, and the lines of the functions that mention request input or a route."""
    from bot.rules.lib.python_ast import all_nodes  # see `_scanned`

    for node in all_nodes(unit.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                head = alias.name.split(".", 1)[0]
                into.imports[alias.asname or head] = alias.name if alias.asname else head
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                into.imports[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Call):
            name = python_front.dotted(node.func)
            if name:
                into.callees.add(name)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            text = "\n".join(unit.lines[first - 1 : node.end_lineno or node.lineno])
            if hint is None or hint.search(text):
                into.starts.add(unit.real(node.lineno))


@dataclass
class _Scan:
    """What a name lookup needs of one file; the same for every set of files it is
    looked up in, so built once per file however many checks ask."""

    units: list[Any]
    names: set[str]
    caller: bool
    imports: dict[str, str] = field(default_factory=dict)
    callees: set[str] = field(default_factory=set)
    starts: set[int] = field(default_factory=lambda: {1})  # `<module>` is line 1


# By path, with the file and the data it was built from: two checks (the `py-*`
# injection rules and the other injection classes) ask about the files of one review,
# each about its own subset.
_SCANS: dict[str, tuple[ChangedFile, spec.Spec, _Scan]] = {}
_SCAN_CACHE_SIZE = 512


def _scanned(file: ChangedFile, data: spec.Spec) -> _Scan:
    cached = _SCANS.get(file.path)
    if cached is not None and cached[0] is file and cached[1] is data:
        return cached[2]
    # Imported here for the same reason as in `api`: lib.python_ast imports the rule
    # engine, which may be importing this package.
    from bot.rules.lib.python_ast import parsed_units

    units = [u for u in parsed_units(file) if u.tree is not None]
    # The module's own functions, the ones another file can import: a method is
    # called on an object whose class a name alone does not tell.
    names = {
        node.name
        for unit in units
        for node in getattr(unit.tree, "body", ())
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    hint = _hint(data.hint)
    # Only a file that mentions request input or routes can start a flow.
    caller = any(hint.search(u.text) for u in units) if hint else True
    out = _Scan(units, names, caller)
    for unit in units if caller else ():
        _scan(unit, out, hint)
    if len(_SCANS) >= _SCAN_CACHE_SIZE:
        _SCANS.clear()
    _SCANS[file.path] = (file, data, out)
    return out


@lru_cache(maxsize=8)
def _hint(text: str) -> re.Pattern[str] | None:
    return re.compile(text) if text else None


class _File:
    """One Python file of the change: what a name lookup needs at once, the flow IR
    only when a flow is followed into it (most files of a large change never are)."""

    def __init__(self, file: ChangedFile, data: spec.Spec) -> None:
        self.path = file.path
        self.module = module_name(file.path)
        self.data = data
        scan = _scanned(file, data)
        self.units = scan.units
        self.names = scan.names
        self.caller = scan.caller
        # Shared with every other lookup of this file: read, never changed.
        self.imports = scan.imports
        self.callees = scan.callees
        self.starts = scan.starts
        self.resolver: _Resolver | None = None

    @cached_property
    def analyzer(self) -> Analyzer:
        merged = ir.Module("python")
        for unit in self.units:
            assert unit.tree is not None
            part = python_front.module(unit.tree, self.data, self.path)
            merged.constants.update(part.constants)
            merged.const_tables |= part.const_tables
            if unit.rows == list(range(1, len(unit.rows) + 1)):
                merged.functions.extend(part.functions)  # a whole file: lines are real
            else:
                merged.functions.extend(_remap(f, unit.real) for f in part.functions)
        analyzer = Analyzer(merged, self.data)
        analyzer.path = self.path
        analyzer.external = self._external
        analyzer.external_class = self._external_class
        return analyzer

    def _external_class(self, call: ir.Call) -> Analyzer | None:
        """The analyzer of the file of the change that defines the class `call` builds."""
        found = self.resolver.resolve(self, call.callee) if self.resolver else None
        if found is None or _last(call) not in found.analyzer.classes:
            return None
        return found.analyzer

    def may_start(self, func: ir.Function) -> bool:
        return func.line in self.starts

    def _external(self, call: ir.Call) -> tuple[Analyzer, ir.Function] | None:
        found = self.resolver.resolve(self, call.callee) if self.resolver else None
        func = None if found is None else found.functions.get(_last(call))
        return None if found is None or func is None else (found.analyzer, func)

    @cached_property
    def functions(self) -> dict[str, ir.Function]:
        out: dict[str, ir.Function] = {}
        for func in self.analyzer.module.functions:
            if not func.method and func.name in self.names:
                out.setdefault(func.name, func)
        return out


class _Resolver:
    def __init__(self, files: list[_File]) -> None:
        self.by_module = {f.module: f for f in files}
        self.by_name: dict[str, list[_File]] = {}
        for item in files:
            item.resolver = self
            for name in item.names:
                self.by_name.setdefault(name, []).append(item)

    def resolve(self, caller: _File, callee: str) -> _File | None:
        parts = callee.split(".")
        if len(parts) > 2 or parts[0] in ("self", "cls", "super"):
            return None
        name = parts[-1]
        if name in caller.names and len(parts) == 1:
            return None  # the caller's own function: the file's own analysis covers it
        bound = caller.imports.get(parts[0])
        if bound is not None:
            # An import in view decides: `orders` -> module, or `fn` -> module.fn.
            target = bound if len(parts) == 2 else bound.rpartition(".")[0]
            found = self.by_module.get(target)
            if found is not None and found is not caller and name in found.names:
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


@dataclass
class _Followed:
    """What the cross-file walk of one caller file saw of its own sinks: the calls it
    followed into other files of the change, and the (sink line, rule) of every flow
    it still found in that file with their code in view."""

    callees: set[str] = field(default_factory=set)
    sinks: set[tuple[int, str]] = field(default_factory=set)


# The last answer: two checks (the `py-*` injection rules and the other injection
# classes) ask about the same files in one review.
_LAST: list[tuple[tuple[ChangedFile, ...], list[tuple[str, Flow]], dict[str, _Followed]]] = []


def _mine(files: Iterable[ChangedFile]) -> tuple[ChangedFile, ...]:
    return tuple(f for f in files if f.language == "python" and not is_test_path(f.path))


def _answer(
    mine: tuple[ChangedFile, ...],
) -> tuple[list[tuple[str, Flow]], dict[str, _Followed]]:
    if _LAST and len(_LAST[0][0]) == len(mine) and all(map(operator.is_, _LAST[0][0], mine)):
        return _LAST[0][1], _LAST[0][2]
    out, followed = _cross_flows(mine)
    _LAST[:] = [(mine, out, followed)]
    return out, followed


def cross_flows(files: Sequence[ChangedFile]) -> list[tuple[str, Flow]]:
    """(caller path, flow) for every flow whose sink is in another file of `files`; the
    origins of one sink reached from one caller file are merged into one flow, so the
    message does not depend on which origin the engine met first."""
    return _answer(_mine(files))[0]


def cleared_by_followed_call(
    files: Iterable[ChangedFile], path: str, sink_line: int, rule: str, callee: str
) -> bool:
    """Whether a flow the single-file analysis of `path` found only through `callee`
    (code it does not show) is gone once that call is followed into the file of the
    change that defines it: the function builds its result from the input in a way
    that is safe for the sink (a URL of the site's own route, a fixed host), so no
    finding stands, inline or in the summary."""
    followed = _answer(_mine(files))[1].get(path)
    if followed is None or callee not in followed.callees:
        return False
    return (sink_line, rule) not in followed.sinks


def _cross_flows(
    files: Sequence[ChangedFile],
) -> tuple[list[tuple[str, Flow]], dict[str, _Followed]]:
    data = spec.load("python")
    parsed = [_File(f, data) for f in files]
    if len(parsed) < 2:
        return [], {}
    resolver = _Resolver(parsed)
    merged: dict[tuple[str, str, int, str], Flow] = {}
    followed: dict[str, _Followed] = {}
    for item in parsed:
        # A file that calls nothing of the other files cannot start a flow into them:
        # its own flows are the single-file analysis's business.
        resolved = {c for c in item.callees if resolver.resolve(item, c)}
        if not item.caller or not resolved:
            continue
        seen = followed[item.path] = _Followed(callees=resolved)
        for found in item.analyzer.raw_flows(item.may_start):
            if found.where is None:
                seen.sinks.add((found.line, found.rule))
                continue
            if found.where[0] == item.path and found.sink != "return":
                # Its own flows are the single-file analysis's; a page built by a
                # function of another file is only seen here.
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
    return out, followed


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
    through = item.through
    if through is not None:
        return (
            f"{text} {verb} `{item.sink}` (line {item.line}) through {names} only through "
            f"`{through}()` (not in this change); if that returns request text unchanged, "
            "check it"
        )
    return f"{text} {verb} `{item.sink}` (line {item.line}) through {names}"


def cross_hits(files: Sequence[ChangedFile], rule_ids: Iterable[str]) -> list[Hit]:
    """Hits at the sink, in the callee's file, of flows that cross files of the change."""
    return hits_of(cross_flows(files), rule_ids)


def hits_of(flows: Iterable[tuple[str, Flow]], rule_ids: Iterable[str]) -> list[Hit]:
    """Hits for (caller path, flow) pairs whose sink is in another file."""
    wanted = set(rule_ids)
    hits: list[Hit] = []
    for caller, item in flows:
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
        hit = Hit(item.rule, path, item.line, item.end_line, detail, title=title)
        through = item.through
        if through is not None:
            # As in `api.flow_hits`: to the summary unless the change defines the call.
            direct = tuple(replace(o, through=None) for o in item.origins)
            plain = message(replace(item, origins=direct), caller)
            plain_title = f"{item.label[:1].upper()}{item.label[1:]}: {plain}"
            plain_detail = detail.replace(f"**Flow:** {text}.", f"**Flow:** {plain}.", 1)
            hit = replace(hit, severity=Severity.INFO, opaque=(through, plain_title, plain_detail))
        hits.append(bound_nosql_to_summary(checked_to_summary(hit, item), item))
    return hits
