"""An OpenAPI 3.0 / 3.1 and Swagger 2.0 differ: what in a new version breaks old clients.

Pure functions over plain data (what `yaml.safe_load` returns), plus a line map built
from `yaml.compose` so a change can be reported at a line of the post-change file.
`$ref`s are followed with a cycle guard: local ones (`#/components/...`) always, refs
to other files only through a `resolve_ref(path) -> text | None` hook the caller
provides (none by default: such refs are then opaque and compare as unknown).

Every change names the check it comes from with the id oasdiff uses for the same
finding (`response-property-removed`, `new-required-request-parameter`...), so teams
that gate on oasdiff can map one onto the other. The direction of a schema matters:
a request schema may widen (accept more) but not narrow, a response schema may narrow
(promise more) but not widen; each check below follows from that one principle.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import yaml

Pointer = tuple[str, ...]
LineMap = dict[Pointer, int]
RefResolver = Callable[[str], str | None]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MAX_DEPTH = 48

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, eq=False)
class Document:
    data: dict[str, Any]
    lines: LineMap  # pointer -> 1-based line of its key (or item) in the text
    resolve_ref: RefResolver | None = None
    _external: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def swagger2(self) -> bool:
        return "swagger" in self.data and "openapi" not in self.data

    def line_of(self, pointer: Pointer) -> int:
        """Line of the deepest prefix of `pointer` present in this document."""
        for size in range(len(pointer), 0, -1):
            line = self.lines.get(pointer[:size])
            if line is not None:
                return line
        return 1

    def has(self, pointer: Pointer) -> bool:
        return pointer in self.lines

    def external(self, path: str) -> Any:
        """Another file's data, through the caller's hook, its refs made absolute."""
        if path not in self._external:
            self._external[path] = None  # a cycle through files ends here
            text = self.resolve_ref(path) if self.resolve_ref is not None else None
            data = _parse_data(text) if text else None
            self._external[path] = _rebase(data, path) if data is not None else None
        return self._external[path]


@lru_cache(maxsize=32)
def load(text: str | None, resolve_ref: RefResolver | None = None) -> Document | None:
    """Parse a spec; None for anything that is not a mapping-shaped OpenAPI/Swagger doc.
    Cached: the breaking and style checks both read the same versions (read-only)."""
    if not text or not text.strip():
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = _construct(node) if node is not None else None
    except (yaml.YAMLError, ValueError, RecursionError):
        data, node = _load_json(text), None
    if not isinstance(data, dict) or not ({"openapi", "swagger", "paths"} & set(data)):
        return None
    lines: LineMap = {}
    if node is not None:
        _map_lines(node, lines)
    return Document(data=data, lines=lines, resolve_ref=resolve_ref)


def _parse_data(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError, RecursionError):
        return _load_json(text)


def _construct(node: yaml.Node) -> Any:
    """Data from the composed node: parsing the text a second time costs 3x more."""
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _map_lines(root: yaml.Node, out: LineMap) -> None:
    # Iterative: a deeply nested spec must not hit Python's recursion limit. An alias
    # shares its anchor's node: walking it again would only repeat lines, and a
    # document of nested aliases ("billion laughs") would never finish.
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, Pointer]] = [(root, ())]
    while stack:
        node, pointer = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    child = (*pointer, str(key.value))
                    out.setdefault(child, key.start_mark.line + 1)
                    stack.append((value, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                child = (*pointer, str(index))
                out.setdefault(child, item.start_mark.line + 1)
                stack.append((item, child))


# --- $ref -----------------------------------------------------------------------


def ref_pointer(ref: object) -> Pointer | None:
    if not isinstance(ref, str) or not ref.startswith("#"):
        return None
    return _fragment(ref[1:])


def _fragment(fragment: str) -> Pointer:
    parts = [p for p in fragment.split("/") if p != ""]
    return tuple(p.replace("~1", "/").replace("~0", "~") for p in parts)


def _rebase(data: Any, path: str) -> Any:
    """Make the refs of a file read through the hook absolute (`file#/...`), so that
    they resolve against that file, wherever its schemas end up being compared."""
    folder = posixpath.dirname(path)
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                file, _, frag = ref.partition("#")
                target = posixpath.normpath(posixpath.join(folder, file)) if file else path
                node["$ref"] = f"{target}#{frag}"
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return data


def _walk(node: Any, pointer: Pointer) -> Any:
    for part in pointer:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def resolve(doc: Mapping[str, Any] | Document, value: Any, where: Pointer) -> tuple[Any, Pointer]:
    """Follow `$ref`s (chains included); return the target and its pointer. A ref into
    another file keeps the pointer of the referring site (that is where the line is).
    An unresolvable or cyclic ref gives an empty mapping: nothing to compare."""
    document = doc if isinstance(doc, Document) else None
    root = doc.data if isinstance(doc, Document) else doc
    seen: set[str] = set()
    while isinstance(value, dict) and "$ref" in value:
        ref = value["$ref"]
        if not isinstance(ref, str) or ref in seen:
            return {}, where
        seen.add(ref)
        file, _, frag = ref.partition("#")
        if file:
            data = document.external(file) if document is not None else None
            node = _walk(data, _fragment(frag)) if data is not None else None
        else:
            target = _fragment(frag)
            node = _walk(root, target)
            where = target
        if node is None:
            return {}, where
        value = node
    return value, where


# --- operations -------------------------------------------------------------------


def norm_path(path: str) -> str:
    """`/users/{id}` and `/users/{userId}` are the same URL to a client."""
    out, depth = [], 0
    for ch in path:
        if ch == "{":
            depth += 1
            if depth == 1:
                out.append("{}")
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(ch)
    return "".join(out).rstrip("/") or "/"


def paths_of(doc: Document) -> dict[str, str]:
    """Normalized path -> the path as written."""
    paths = doc.data.get("paths")
    if not isinstance(paths, dict):
        return {}
    return {norm_path(str(p)): str(p) for p, item in paths.items() if isinstance(item, dict)}


def path_item(doc: Document, path: str) -> dict[str, Any]:
    paths = doc.data.get("paths")
    raw = paths.get(path) if isinstance(paths, dict) else None
    item, _ = resolve(doc, raw, ("paths", path))
    return item if isinstance(item, dict) else {}


def operations(doc: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    paths = doc.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path in paths:
        item = path_item(doc, str(path))
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                yield str(path), method, op


@dataclass
class Param:
    name: str
    location: str
    required: bool
    schema: Any
    pointer: Pointer
    deprecated: bool = False

    @property
    def key(self) -> tuple[str, str]:
        # HTTP header names are case-insensitive.
        return self.location, self.name.lower() if self.location == "header" else self.name


def parameters(doc: Document, path: str) -> dict[str, dict[str, Param]]:
    """Per method: parameters (path-level merged, operation-level winning) by name.
    Swagger 2 `in: body` and `in: formData` are left to the request-body diff."""
    out: dict[str, dict[str, Param]] = {}
    for method, params in located_parameters(doc, path).items():
        out[method] = {p.name: p for p in params.values()}
    return out


def located_parameters(doc: Document, path: str) -> dict[str, dict[tuple[str, str], Param]]:
    item = path_item(doc, path)
    out: dict[str, dict[tuple[str, str], Param]] = {}
    shared = _params(doc, item.get("parameters"), ("paths", path, "parameters"))
    for method in METHODS:
        op = item.get(method)
        if not isinstance(op, dict):
            continue
        own = _params(doc, op.get("parameters"), ("paths", path, method, "parameters"))
        merged = {p.key: p for p in shared}
        merged.update({p.key: p for p in own})
        out[method] = merged
    return out


def _params(doc: Document, raw: Any, where: Pointer) -> list[Param]:
    if not isinstance(raw, list):
        return []
    out = []
    for index, entry in enumerate(raw):
        value, _ = resolve(doc, entry, (*where, str(index)))
        if not isinstance(value, dict) or not isinstance(value.get("name"), str):
            continue
        location = str(value.get("in", ""))
        if location in {"body", "formData"}:
            continue
        schema: Any = value.get("schema")
        if schema is None and isinstance(value.get("content"), dict):
            schema = next(iter(_media(value["content"]).values()), None)
            schema = schema.get("schema") if isinstance(schema, dict) else None
        if schema is None:
            schema = value  # Swagger 2 puts type/format/enum on the parameter itself
        required = value.get("required") is True or location == "path"
        deprecated = value.get("deprecated") is True
        out.append(
            Param(value["name"], location, required, schema, (*where, str(index)), deprecated)
        )
    return out


def _media(content: Any) -> dict[str, Any]:
    if not isinstance(content, dict):
        return {}
    return {str(m).split(";")[0].strip().lower(): v for m, v in content.items()}


def request_schema(doc: Document, op: dict[str, Any], where: Pointer) -> tuple[Any, Pointer]:
    """The JSON (or first) request body schema; kept for the style rules."""
    bodies = request_bodies(doc, op, where)
    if not bodies:
        return None, where
    media = next((m for m in bodies if "json" in m), next(iter(bodies)))
    return bodies[media]


def request_bodies(
    doc: Document, op: dict[str, Any], where: Pointer
) -> dict[str, tuple[Any, Pointer]]:
    """Media type -> (schema, pointer) of an operation's request body."""
    if doc.swagger2:
        return _swagger2_bodies(doc, op, where)
    body, at = resolve(doc, op.get("requestBody"), (*where, "requestBody"))
    if not isinstance(body, dict):
        return {}
    out = {}
    for media, entry in _media(body.get("content")).items():
        schema = entry.get("schema") if isinstance(entry, dict) else None
        out[media] = (schema, (*at, "content", media, "schema"))
    return out


def _swagger2_bodies(
    doc: Document, op: dict[str, Any], where: Pointer
) -> dict[str, tuple[Any, Pointer]]:
    schema: Any = None
    at = where
    form: dict[str, Any] = {}
    required: list[str] = []
    for index, entry in enumerate(op.get("parameters") or []):
        value, _ = resolve(doc, entry, (*where, "parameters", str(index)))
        if not isinstance(value, dict):
            continue
        if value.get("in") == "body":
            schema, at = value.get("schema"), (*where, "parameters", str(index), "schema")
        elif value.get("in") == "formData" and isinstance(value.get("name"), str):
            form[value["name"]] = value
            if value.get("required") is True:
                required.append(value["name"])
            at = (*where, "parameters")
    if schema is None and form:
        schema = {"type": "object", "properties": form, "required": required}
    if schema is None:
        return {}
    consumes = op.get("consumes", doc.data.get("consumes")) or ["application/json"]
    return {str(m).split(";")[0].strip().lower(): (schema, at) for m in consumes}


def _swagger2_body_required(doc: Document, op: dict[str, Any]) -> bool:
    for entry in op.get("parameters") or []:
        value, _ = resolve(doc, entry, ())
        if isinstance(value, dict) and value.get("in") == "body":
            return value.get("required") is True
    return False


def response_schema(doc: Document, response: Any, where: Pointer) -> tuple[Any, Pointer]:
    """The JSON (or first) schema of a response; kept for the style rules."""
    bodies = response_bodies(doc, response, where)
    if not bodies:
        return None, where
    media = next((m for m in bodies if "json" in m), next(iter(bodies)))
    return bodies[media]


def response_bodies(doc: Document, response: Any, where: Pointer) -> dict[str, tuple[Any, Pointer]]:
    value, at = resolve(doc, response, where)
    if not isinstance(value, dict):
        return {}
    if "schema" in value:  # Swagger 2: one schema, media types from `produces`
        return {"": (value["schema"], (*at, "schema"))}
    out = {}
    for media, entry in _media(value.get("content")).items():
        schema = entry.get("schema") if isinstance(entry, dict) else None
        out[media] = (schema, (*at, "content", media, "schema"))
    return out


# --- the check catalogue ---------------------------------------------------------

ERROR = "error"
INFO = "info"

# check id -> (title, who breaks). Ids follow oasdiff's names for the same change.
CATALOGUE: dict[str, tuple[str, str]] = {
    "api-path-removed-without-deprecation": (
        "Breaking: path removed",
        "every client calling it gets 404",
    ),
    "api-path-removed-before-sunset": (
        "Breaking: path removed before its sunset date",
        "clients promised the path until its sunset get 404",
    ),
    "api-removed-without-deprecation": (
        "Breaking: operation removed",
        "every client calling it gets 404/405",
    ),
    "api-removed-before-sunset": (
        "Breaking: operation removed before its sunset date",
        "clients promised the operation until its sunset get 404/405",
    ),
    "response-success-status-removed": (
        "Breaking: response status code removed",
        "clients that handle this success status lose their contract for it",
    ),
    "response-non-success-status-removed": (
        "Breaking: response status code removed",
        "clients that handle this error status lose their contract for it",
    ),
    "response-media-type-removed": (
        "Breaking: response media type removed",
        "clients that ask for this media type get 406 or a body they cannot parse",
    ),
    "request-body-media-type-removed": (
        "Breaking: request media type removed",
        "clients sending this media type get 415",
    ),
    "new-required-request-parameter": (
        "Breaking: new required parameter",
        "existing calls do not send it and get a 400",
    ),
    "request-parameter-became-required": (
        "Breaking: new required parameter",
        "calls that omit it now fail with a 400",
    ),
    "request-parameter-removed": (
        "Breaking: parameter moved to another location",
        "clients keep sending it where it was, and the server no longer reads it there",
    ),
    "new-required-request-property": (
        "Breaking: new required request-body property",
        "existing requests without it are rejected",
    ),
    "request-property-became-required": (
        "Breaking: new required request-body property",
        "existing requests without it are rejected",
    ),
    "new-required-request-body": (
        "Breaking: request body became required",
        "existing calls without a body are rejected",
    ),
    "request-body-became-required": (
        "Breaking: request body became required",
        "existing calls without a body are rejected",
    ),
    "response-required-property-removed": (
        "Breaking: response property removed",
        "clients reading it get nothing (or crash on a strict decoder)",
    ),
    "response-optional-property-removed": (
        "Breaking: response property removed",
        "clients reading it get nothing (or crash on a strict decoder)",
    ),
    "response-property-became-optional": (
        "Breaking: response property became optional",
        "clients that rely on it being present meet a missing field",
    ),
    "response-property-became-nullable": (
        "Breaking: response property became nullable",
        "clients with non-null models crash on null",
    ),
    "response-body-became-nullable": (
        "Breaking: response body became nullable",
        "clients with non-null models crash on null",
    ),
    "required-response-header-removed": (
        "Breaking: required response header removed",
        "clients reading the header get nothing",
    ),
    "api-security-added": (
        "Breaking: security requirement added",
        "clients calling without credentials get 401",
    ),
    "api-global-security-added": (
        "Breaking: security requirement added",
        "clients calling without credentials get 401",
    ),
    "api-security-removed": (
        "Breaking: accepted security scheme removed",
        "clients authenticating with the removed scheme get 401",
    ),
    "api-global-security-removed": (
        "Breaking: accepted security scheme removed",
        "clients authenticating with the removed scheme get 401",
    ),
    "api-security-scope-added": (
        "Breaking: security scope added",
        "tokens issued without the new scope get 403",
    ),
    "api-global-security-scope-added": (
        "Breaking: security scope added",
        "tokens issued without the new scope get 403",
    ),
    "security-component-type-changed": (
        "Breaking: security scheme changed",
        "clients send credentials the way the old scheme said, and get 401",
    ),
    "endpoint-deprecated": (
        "Operation deprecated",
        "nothing yet; clients should plan to move",
    ),
}

# Schema-level checks, built per prefix: `request-parameter-`, `request-property-`,
# `request-body-`, `response-property-`, `response-body-`.
_SCHEMA_CHECKS: dict[str, tuple[str, str]] = {
    "type-changed": ("type or format changed", "(de)serialization of this value fails"),
    "enum-value-removed": ("enum values removed", "clients sending the removed values get 400"),
    "enum-value-added": (
        "enum values added to a response",
        "clients with exhaustive enums fail on the new values",
    ),
    "became-not-nullable": (
        "no longer accepts null",
        "clients sending null get 400",
    ),
    "max-decreased": ("maximum lowered", "values valid yesterday are rejected"),
    "max-set": ("maximum added", "values valid yesterday are rejected"),
    "min-increased": ("minimum raised", "values valid yesterday are rejected"),
    "min-set": ("minimum added", "values valid yesterday are rejected"),
    "max-length-decreased": ("maxLength lowered", "values valid yesterday are rejected"),
    "max-length-set": ("maxLength added", "values valid yesterday are rejected"),
    "min-length-increased": ("minLength raised", "values valid yesterday are rejected"),
    "min-length-set": ("minLength added", "values valid yesterday are rejected"),
    "max-items-decreased": ("maxItems lowered", "lists valid yesterday are rejected"),
    "max-items-set": ("maxItems added", "lists valid yesterday are rejected"),
    "min-items-increased": ("minItems raised", "lists valid yesterday are rejected"),
    "min-items-set": ("minItems added", "lists valid yesterday are rejected"),
    "pattern-added": ("pattern added", "values valid yesterday are rejected"),
    "pattern-changed": ("pattern changed", "values valid yesterday may be rejected"),
    "one-of-removed": ("oneOf alternative removed", "payloads of that shape are rejected"),
    "any-of-removed": ("anyOf alternative removed", "payloads of that shape are rejected"),
    "one-of-added": (
        "oneOf alternative added to a response",
        "clients decoding the union fail on the new shape",
    ),
    "any-of-added": (
        "anyOf alternative added to a response",
        "clients decoding the union fail on the new shape",
    ),
}

_PREFIXES = (
    "request-parameter",
    "request-property",
    "request-body",
    "response-property",
    "response-body",
    "response-header",
)
for _prefix in _PREFIXES:
    for _suffix, (_what, _who) in _SCHEMA_CHECKS.items():
        _side = "request" if _prefix.startswith("request") else "response"
        CATALOGUE.setdefault(f"{_prefix}-{_suffix}", (f"Breaking: {_side} {_what}", _who))

INFO_CHECKS = frozenset({"endpoint-deprecated"})

# Titles older findings used (and tests and suppressions may name).
REMOVED_PATH = CATALOGUE["api-path-removed-without-deprecation"][0]
REMOVED_OPERATION = CATALOGUE["api-removed-without-deprecation"][0]
REMOVED_STATUS = CATALOGUE["response-success-status-removed"][0]
REMOVED_PROPERTY = CATALOGUE["response-optional-property-removed"][0]
NEW_REQUIRED_PARAM = CATALOGUE["new-required-request-parameter"][0]
NEW_REQUIRED_PROPERTY = CATALOGUE["new-required-request-property"][0]
CHANGED_TYPE = "Breaking: type or format changed"
NARROWED_ENUM = "Breaking: enum values removed"
MOVED_PARAM = CATALOGUE["request-parameter-removed"][0]


@dataclass(frozen=True)
class Change:
    title: str
    pointer: Pointer  # where it shows in the post-change document (deepest surviving)
    detail: str
    check: str = ""  # the oasdiff-compatible check id
    path: str = ""  # JSON pointer of the changed element (through the operation)
    level: str = ERROR


def json_path(parts: Pointer) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def title_of(check: str) -> str:
    """The family title: schema checks share one title per kind of change."""
    if check.endswith("-type-changed"):
        return CHANGED_TYPE
    if check.endswith("-enum-value-removed"):
        return NARROWED_ENUM
    return CATALOGUE.get(check, (f"Breaking: {check}", ""))[0]


# --- the differ ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    """Where a schema sits: direction, check-id prefix, label and logical JSON path."""

    request: bool
    prefix: str
    label: str
    loc: Pointer

    def child(self, name: str, suffix: str) -> _Ctx:
        prefix = self.prefix.replace("-body", "-property")
        return replace(self, prefix=prefix, label=f"{self.label}{suffix}", loc=(*self.loc, name))


@dataclass
class _Diff:
    base: Document
    head: Document
    changes: list[Change] = field(default_factory=list)
    seen: set[tuple[int, int, bool]] = field(default_factory=set)

    def add(self, check: str, pointer: Pointer, what: str, loc: Pointer) -> None:
        who = CATALOGUE.get(check, ("", ""))[1]
        level = INFO if check in INFO_CHECKS else ERROR
        where = json_path(loc)
        tail = f" Breaks: {who}." if level == ERROR and who else ""
        detail = f"{what}{tail} (check `{check}`, at `{where}`)"
        self.changes.append(Change(title_of(check), pointer, detail, check, where, level))


def diff(base: Document, head: Document) -> list[Change]:
    """Changes that break existing clients of `base` when the server serves `head`
    (level `error`), and notices such as a new deprecation (level `info`)."""
    state = _Diff(base, head)
    base_paths, head_paths = paths_of(base), paths_of(head)
    for norm, base_path in base_paths.items():
        head_path = head_paths.get(norm)
        if head_path is None:
            _removed_path(state, base_path)
            continue
        _diff_path(state, base_path, head_path)
    _diff_security_schemes(state)
    return _unique(state.changes)


def _unique(changes: list[Change]) -> list[Change]:
    seen: set[tuple[str, str]] = set()
    out = []
    for change in changes:
        key = (change.check, change.detail)
        if key not in seen:
            seen.add(key)
            out.append(change)
    return out


def _sunset(op: Mapping[str, Any]) -> dt.date | None:
    raw = op.get("x-sunset", op.get("sunset"))
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            return None
    return None


def _removal_allowed(op: Mapping[str, Any]) -> tuple[bool, dt.date | None]:
    """A deprecated operation may go once its sunset (if it names one) has passed."""
    if op.get("deprecated") is not True:
        return False, None
    sunset = _sunset(op)
    if sunset is not None and sunset > dt.date.today():
        return False, sunset
    return True, None


def _removed_path(state: _Diff, base_path: str) -> None:
    item = path_item(state.base, base_path)
    ops = [item[m] for m in METHODS if isinstance(item.get(m), dict)]
    verdicts = [_removal_allowed(op) for op in ops]
    if ops and all(ok for ok, _ in verdicts):
        return
    sunsets = [s for _, s in verdicts if s is not None]
    check = "api-path-removed-before-sunset" if sunsets else "api-path-removed-without-deprecation"
    when = f" (sunset {min(sunsets)})" if sunsets else ""
    state.add(
        check,
        ("paths",),
        f"`{base_path}` is no longer in the document{when}.",
        ("paths", base_path),
    )


def _diff_path(state: _Diff, base_path: str, head_path: str) -> None:
    base_item, head_item = path_item(state.base, base_path), path_item(state.head, head_path)
    base_params = located_parameters(state.base, base_path)
    head_params = located_parameters(state.head, head_path)
    for method in METHODS:
        base_op, head_op = base_item.get(method), head_item.get(method)
        if not isinstance(base_op, dict):
            continue
        where: Pointer = ("paths", head_path, method)
        loc: Pointer = ("paths", base_path, method)
        label = f"`{method.upper()} {head_path}`"
        if not isinstance(head_op, dict):
            allowed, sunset = _removal_allowed(base_op)
            if not allowed:
                check = "api-removed-before-sunset" if sunset else "api-removed-without-deprecation"
                when = f" before its sunset ({sunset})" if sunset else ""
                state.add(check, ("paths", head_path), f"{label} was removed{when}.", loc)
            continue
        if head_op.get("deprecated") is True and base_op.get("deprecated") is not True:
            sunset = _sunset(head_op)
            note = f"sunset {sunset}" if sunset else "no sunset date (`x-sunset`) says until when"
            state.add(
                "endpoint-deprecated",
                (*where, "deprecated"),
                f"{label} is now deprecated; {note}.",
                loc,
            )
        _diff_params(state, label, loc, base_params.get(method, {}), head_params.get(method, {}))
        _diff_request(state, label, loc, base_op, head_op, where)
        _diff_responses(state, label, loc, base_op, head_op, where)
        _diff_security(state, label, loc, base_op, head_op, where)


def _diff_params(
    state: _Diff,
    label: str,
    loc: Pointer,
    base: dict[tuple[str, str], Param],
    head: dict[tuple[str, str], Param],
) -> None:
    by_name = {p.name.lower(): p for p in head.values()}
    for key, old in base.items():
        new = head.get(key)
        ploc = (*loc, "parameters", old.location, old.name)
        if new is None:
            moved = by_name.get(old.name.lower())
            if moved is not None and moved.location != old.location and old.location != "path":
                state.add(
                    "request-parameter-removed",
                    moved.pointer,
                    f"{label} parameter `{old.name}` moved from {old.location} to "
                    f"{moved.location}.",
                    ploc,
                )
            continue
        if new.required and not old.required:
            state.add(
                "request-parameter-became-required",
                new.pointer,
                f"{label} {new.location} parameter `{new.name}` became required.",
                ploc,
            )
        ctx = _Ctx(
            True, "request-parameter", f"{label} {new.location} parameter `{new.name}`", ploc
        )
        _diff_schema(state, old.schema, new.schema, new.pointer, ctx, 0)
    base_names = {p.name.lower() for p in base.values()}
    for key, new in head.items():
        if key in base or not new.required or new.location == "path":
            continue
        if new.name.lower() in base_names:
            continue  # moved: reported above
        state.add(
            "new-required-request-parameter",
            new.pointer,
            f"{label} now requires {new.location} parameter `{new.name}`.",
            (*loc, "parameters", new.location, new.name),
        )


def _body_required(doc: Document, op: dict[str, Any]) -> tuple[bool, bool]:
    """(has a body, the body is required)."""
    if doc.swagger2:
        bodies = _swagger2_bodies(doc, op, ())
        return bool(bodies), _swagger2_body_required(doc, op)
    body, _ = resolve(doc, op.get("requestBody"), ())
    if not isinstance(body, dict) or not body:
        return False, False
    return True, body.get("required") is True


def _diff_request(
    state: _Diff,
    label: str,
    loc: Pointer,
    base_op: dict[str, Any],
    head_op: dict[str, Any],
    where: Pointer,
) -> None:
    had, was_required = _body_required(state.base, base_op)
    has, is_required = _body_required(state.head, head_op)
    body_at: Pointer = (*where, "requestBody")
    body_loc: Pointer = (*loc, "requestBody")
    if is_required and not was_required:
        check = "request-body-became-required" if had else "new-required-request-body"
        state.add(check, body_at, f"{label} now requires a request body.", body_loc)
    if not (had and has):
        return
    base_bodies = request_bodies(state.base, base_op, loc)
    head_bodies = request_bodies(state.head, head_op, where)
    for media, (base_schema, _) in base_bodies.items():
        if media not in head_bodies:
            state.add(
                "request-body-media-type-removed",
                body_at,
                f"{label} no longer accepts `{media}` request bodies.",
                (*body_loc, "content", media),
            )
            continue
        head_schema, head_at = head_bodies[media]
        ctx = _Ctx(True, "request-body", f"{label} request body", (*body_loc, "content", media))
        _diff_schema(state, base_schema, head_schema, head_at, ctx, 0)


def _success(code: str) -> bool:
    return code[:1] == "2"


def _covered(code: str, codes: Mapping[str, Any]) -> bool:
    return code in codes or f"{code[:1]}XX" in {c.upper() for c in codes}


def _produces(doc: Document, op: Mapping[str, Any]) -> list[str]:
    raw = op.get("produces", doc.data.get("produces")) or []
    return [str(m).split(";")[0].strip().lower() for m in raw] if isinstance(raw, list) else []


def _diff_responses(
    state: _Diff,
    label: str,
    loc: Pointer,
    base_op: dict[str, Any],
    head_op: dict[str, Any],
    where: Pointer,
) -> None:
    base_res, head_res = base_op.get("responses"), head_op.get("responses")
    if not isinstance(base_res, dict) or not isinstance(head_res, dict):
        return
    head_codes = {str(c): r for c, r in head_res.items()}
    if state.base.swagger2 and state.head.swagger2:
        gone = [
            m for m in _produces(state.base, base_op) if m not in _produces(state.head, head_op)
        ]
        if gone and any(response_bodies(state.base, r, ()) for r in base_res.values()):
            for media in gone:
                state.add(
                    "response-media-type-removed",
                    (*where, "responses"),
                    f"{label} no longer produces `{media}`.",
                    (*loc, "produces", media),
                )
    for code, base_response in base_res.items():
        code = str(code)
        rloc: Pointer = (*loc, "responses", code)
        if not _covered(code, head_codes):
            check = (
                "response-success-status-removed"
                if _success(code)
                else ("response-non-success-status-removed")
            )
            state.add(
                check,
                (*where, "responses"),
                f"{label} no longer documents response `{code}`.",
                rloc,
            )
            continue
        if code not in head_codes:
            continue
        head_at: Pointer = (*where, "responses", code)
        _diff_headers(state, label, code, rloc, base_response, head_codes[code], head_at)
        base_bodies = response_bodies(state.base, base_response, rloc)
        head_bodies = response_bodies(state.head, head_codes[code], head_at)
        if "" in base_bodies and "" not in head_bodies and head_bodies:
            head_bodies[""] = next(iter(head_bodies.values()))
        if "" in head_bodies and "" not in base_bodies and base_bodies:
            base_bodies = {"": next(iter(base_bodies.values()))}
        for media, (base_schema, _) in base_bodies.items():
            if media not in head_bodies:
                state.add(
                    "response-media-type-removed",
                    head_at,
                    f"{label} response `{code}` no longer offers `{media}`.",
                    (*rloc, "content", media),
                )
                continue
            head_schema, schema_at = head_bodies[media]
            ctx = _Ctx(
                False, "response-body", f"{label} response {code}", (*rloc, "content", media)
            )
            _diff_schema(state, base_schema, head_schema, schema_at, ctx, 0)


def _diff_headers(
    state: _Diff,
    label: str,
    code: str,
    loc: Pointer,
    base_response: Any,
    head_response: Any,
    head_at: Pointer,
) -> None:
    base_value, _ = resolve(state.base, base_response, ())
    head_value, _ = resolve(state.head, head_response, ())
    if not isinstance(base_value, dict) or not isinstance(head_value, dict):
        return
    base_headers = base_value.get("headers") if isinstance(base_value.get("headers"), dict) else {}
    head_headers = head_value.get("headers") if isinstance(head_value.get("headers"), dict) else {}
    assert isinstance(base_headers, dict) and isinstance(head_headers, dict)
    present = {str(h).lower() for h in head_headers}
    for name, header in base_headers.items():
        value, _ = resolve(state.base, header, ())
        if str(name).lower() in present or not isinstance(value, dict):
            continue
        if value.get("required") is True:
            state.add(
                "required-response-header-removed",
                (*head_at, "headers") if "headers" in head_value else head_at,
                f"{label} response `{code}` no longer sends required header `{name}`.",
                (*loc, "headers", str(name)),
            )


# --- security ------------------------------------------------------------------------

Alternative = dict[str, frozenset[str]]


def _alternatives(raw: Any) -> list[Alternative] | None:
    """Security requirements: any one alternative suffices, all schemes in it together.
    None when the document says nothing."""
    if not isinstance(raw, list):
        return None
    out: list[Alternative] = []
    for entry in raw:
        if isinstance(entry, dict):
            out.append(
                {
                    str(k): frozenset(str(s) for s in v) if isinstance(v, list) else frozenset()
                    for k, v in entry.items()
                }
            )
    return out


def _accepts(alternatives: list[Alternative], offered: Alternative) -> bool:
    """Does some alternative need no more than what a client of `offered` sends?"""
    if not alternatives:
        return True  # no requirement at all
    return any(
        all(name in offered and scopes <= offered[name] for name, scopes in alt.items())
        for alt in alternatives
    )


def _diff_security(
    state: _Diff,
    label: str,
    loc: Pointer,
    base_op: dict[str, Any],
    head_op: dict[str, Any],
    where: Pointer,
) -> None:
    base_own, head_own = (
        _alternatives(base_op.get("security")),
        _alternatives(head_op.get("security")),
    )
    base_global = _alternatives(state.base.data.get("security")) or []
    head_global = _alternatives(state.head.data.get("security")) or []
    base_alts = base_own if base_own is not None else base_global
    head_alts = head_own if head_own is not None else head_global
    # Both sides on the global requirement: one finding for the document, not per op.
    is_global = base_own is None and head_own is None
    prefix = "api-global-security" if is_global else "api-security"
    pointer: Pointer = ("security",) if is_global else (*where, "security")
    sloc: Pointer = ("security",) if is_global else (*loc, "security")
    subject = "The API" if is_global else label
    if not base_alts:
        if head_alts and not _accepts(head_alts, {}):
            names = ", ".join(f"`{n}`" for alt in head_alts for n in alt)
            state.add(f"{prefix}-added", pointer, f"{subject} now requires {names}.", sloc)
        return
    for alt in base_alts:
        if _accepts(head_alts, alt):
            continue
        same = [h for h in head_alts if set(h) == set(alt)]
        if same:
            extra = sorted({s for h in same for n in h for s in h[n] - alt[n]})
            state.add(
                f"{prefix}-scope-added",
                pointer,
                f"{subject} now also needs scope(s) {', '.join(f'`{s}`' for s in extra)}.",
                sloc,
            )
        else:
            names = " + ".join(f"`{n}`" for n in alt) or "no credentials"
            state.add(
                f"{prefix}-removed",
                pointer,
                f"{subject} no longer accepts {names}.",
                sloc,
            )


def _schemes(doc: Document) -> dict[str, Any]:
    if doc.swagger2:
        raw = doc.data.get("securityDefinitions")
    else:
        components = doc.data.get("components")
        raw = components.get("securitySchemes") if isinstance(components, dict) else None
    return raw if isinstance(raw, dict) else {}


def _diff_security_schemes(state: _Diff) -> None:
    """A scheme that keeps its name but changes how credentials are sent."""
    head_schemes = _schemes(state.head)
    where: Pointer = (
        ("securityDefinitions",) if state.head.swagger2 else ("components", "securitySchemes")
    )
    for name, old in _schemes(state.base).items():
        new = head_schemes.get(name)
        old_value, _ = resolve(state.base, old, ())
        new_value, _ = resolve(state.head, new, ())
        if not isinstance(old_value, dict) or not isinstance(new_value, dict) or not new_value:
            continue
        for key in ("type", "in", "name", "scheme"):
            before, after = old_value.get(key), new_value.get(key)
            if (
                before is not None
                and after is not None
                and str(before).lower() != str(after).lower()
            ):
                state.add(
                    "security-component-type-changed",
                    (*where, str(name), key),
                    f"Security scheme `{name}`: `{key}` changed from `{before}` to `{after}`.",
                    (*where, str(name), key),
                )
                break


# --- schemas -------------------------------------------------------------------------


def _types(schema: dict[str, Any]) -> frozenset[str]:
    raw = schema.get("type")
    if isinstance(raw, str):
        types = {raw}
    elif isinstance(raw, list):
        types = {str(t) for t in raw}
    else:
        return frozenset()
    return frozenset(types - {"null"})


def _null_member(member: Any) -> bool:
    return isinstance(member, dict) and (
        member.get("type") == "null"
        or member.get("type") == ["null"]
        or member.get("enum") == [None]
    )


def _nullable(schema: dict[str, Any]) -> bool:
    raw = schema.get("type")
    if schema.get("nullable") is True or schema.get("x-nullable") is True:
        return True
    if isinstance(raw, list) and "null" in raw:
        return True
    for key in ("oneOf", "anyOf"):
        members = schema.get(key)
        if isinstance(members, list) and any(_null_member(m) for m in members):
            return True
    return False


def _within(narrow: frozenset[str], wide: frozenset[str]) -> bool:
    """Every value of `narrow` is a value of `wide` (an integer is a number)."""
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


# Formats where the second accepts every value of the first.
_WIDER_FORMAT = frozenset(
    {("int32", "int64"), ("float", "double"), ("int32", "double"), ("int32", "float")}
)


def _format_widens(old: Any, new: Any) -> bool:
    """Is `new` at least as permissive as `old`?"""
    return old == new or new is None or (old, new) in _WIDER_FORMAT


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _flatten(doc: Document, schema: Any, at: Pointer) -> tuple[dict[str, Any], Pointer]:
    """Resolve refs and merge `allOf` members, so properties compare across both styles."""
    value, at = resolve(doc, schema, at)
    if not isinstance(value, dict):
        return {}, at
    members = value.get("allOf")
    if not isinstance(members, list):
        return value, at
    merged: dict[str, Any] = {k: v for k, v in value.items() if k != "allOf"}
    props: dict[str, Any] = dict(merged.get("properties") or {})
    required: list[Any] = list(merged.get("required") or [])
    pending = list(members)
    seen: set[int] = set()
    while pending:
        part, _ = resolve(doc, pending.pop(0), at)
        if not isinstance(part, dict) or id(part) in seen:
            continue
        seen.add(id(part))
        if isinstance(part.get("allOf"), list):
            pending.extend(part["allOf"])
        if isinstance(part.get("properties"), dict):
            props.update(part["properties"])
        if isinstance(part.get("required"), list):
            required += part["required"]
        for key, item in part.items():
            if key not in {"properties", "required", "allOf"} and key not in merged:
                merged[key] = item
    if props:
        merged["properties"] = props
    if required:
        merged["required"] = required
    return merged, at


def _required(schema: dict[str, Any]) -> set[str]:
    """Required property names; a Swagger 2 parameter's own `required: true` is not a list."""
    names = schema.get("required")
    return {str(n) for n in names} if isinstance(names, list) else set()


def _diff_schema(
    state: _Diff, base_raw: Any, head_raw: Any, at: Pointer, ctx: _Ctx, depth: int
) -> None:
    # Breadth by a work list rather than recursion: deep schemas must not overflow.
    work: list[tuple[Any, Any, Pointer, _Ctx, int]] = [(base_raw, head_raw, at, ctx, depth)]
    while work:
        b_raw, h_raw, h_at, c, d = work.pop()
        if d > _MAX_DEPTH:
            continue
        work.extend(_compare_schema(state, b_raw, h_raw, h_at, c, d))


def _compare_schema(
    state: _Diff, base_raw: Any, head_raw: Any, at: Pointer, ctx: _Ctx, depth: int
) -> list[tuple[Any, Any, Pointer, _Ctx, int]]:
    base_value, _ = resolve(state.base, base_raw, ())
    head_value, at = resolve(state.head, head_raw, at)
    # Keyed on the resolved objects: a recursive schema is compared once, not forever.
    key = (id(base_value), id(head_value), ctx.request)
    if key in state.seen:
        return []
    state.seen.add(key)
    base, _ = _flatten(state.base, base_value, ())
    head, at = _flatten(state.head, head_value, at)
    if not base or not head:
        return []
    if ctx.request and head.get("readOnly") is True:
        return []  # never sent by clients
    if not ctx.request and head.get("writeOnly") is True:
        return []  # never returned
    if _scalar_changes(state, base, head, at, ctx):
        return []  # a different type: what is inside no longer compares
    more = _property_changes(state, base, head, at, ctx, depth)
    if "items" in base and "items" in head:
        more.append(
            (base["items"], head["items"], (*at, "items"), ctx.child("items", "[]"), depth + 1)
        )
    more += _union_changes(state, base, head, at, ctx, depth)
    return more


def _scalar_changes(
    state: _Diff, base: dict[str, Any], head: dict[str, Any], at: Pointer, ctx: _Ctx
) -> bool:
    p, request = ctx.prefix, ctx.request
    old_types, new_types = _types(base), _types(head)
    if old_types and new_types and old_types != new_types:
        fine = _within(old_types, new_types) if request else _within(new_types, old_types)
        if not fine:
            state.add(
                f"{p}-type-changed",
                (*at, "type"),
                f"{ctx.label}: type changed from `{'|'.join(sorted(old_types))}` to "
                f"`{'|'.join(sorted(new_types))}`.",
                ctx.loc,
            )
            return True
    old_format, new_format = base.get("format"), head.get("format")
    fine = (
        _format_widens(old_format, new_format)
        if request
        else _format_widens(new_format, old_format)
    )
    if old_format != new_format and not fine:
        state.add(
            f"{p}-type-changed",
            (*at, "format") if "format" in head else at,
            f"{ctx.label}: format changed from `{old_format or 'none'}` to "
            f"`{new_format or 'none'}`.",
            ctx.loc,
        )
    old_null, new_null = _nullable(base), _nullable(head)
    if request and old_null and not new_null:
        state.add(f"{p}-became-not-nullable", at, f"{ctx.label}: null no longer accepted.", ctx.loc)
    if not request and new_null and not old_null:
        check = (
            "response-body-became-nullable"
            if p == "response-body"
            else ("response-property-became-nullable")
        )
        state.add(check, at, f"{ctx.label}: may now be null.", ctx.loc)
    _enum_changes(state, base, head, at, ctx)
    if request:
        _constraint_changes(state, base, head, at, ctx)
    return False


def _enum_changes(
    state: _Diff, base: dict[str, Any], head: dict[str, Any], at: Pointer, ctx: _Ctx
) -> None:
    old_enum, new_enum = base.get("enum"), head.get("enum")
    if not isinstance(old_enum, list) or not isinstance(new_enum, list):
        return
    if ctx.request:
        gone = [v for v in old_enum if v not in new_enum and v is not None]
        if gone:
            values = ", ".join(f"`{v}`" for v in gone[:8])
            state.add(
                f"{ctx.prefix}-enum-value-removed",
                (*at, "enum"),
                f"{ctx.label}: {values} no longer accepted.",
                ctx.loc,
            )
    else:
        new = [v for v in new_enum if v not in old_enum and v is not None]
        if new:
            values = ", ".join(f"`{v}`" for v in new[:8])
            state.add(
                f"{ctx.prefix}-enum-value-added",
                (*at, "enum"),
                f"{ctx.label}: may now return {values}.",
                ctx.loc,
            )


# keyword -> (check suffix when tightened, when newly set, lower is tighter)
_BOUNDS = (
    ("maximum", "max-decreased", "max-set", True),
    ("exclusiveMaximum", "max-decreased", "max-set", True),
    ("minimum", "min-increased", "min-set", False),
    ("exclusiveMinimum", "min-increased", "min-set", False),
    ("maxLength", "max-length-decreased", "max-length-set", True),
    ("minLength", "min-length-increased", "min-length-set", False),
    ("maxItems", "max-items-decreased", "max-items-set", True),
    ("minItems", "min-items-increased", "min-items-set", False),
)


def _constraint_changes(
    state: _Diff, base: dict[str, Any], head: dict[str, Any], at: Pointer, ctx: _Ctx
) -> None:
    """A request accepts less than before: values valid yesterday are rejected today."""
    for keyword, tightened, newly, lower_tighter in _BOUNDS:
        old, new = _number(base.get(keyword)), _number(head.get(keyword))
        if new is None:
            continue
        if old is None:
            if not lower_tighter and new <= 0:
                continue  # `minLength: 0`, `minimum: 0` on unsigned data: no limit
            state.add(
                f"{ctx.prefix}-{newly}",
                (*at, keyword),
                f"{ctx.label}: `{keyword}: {head[keyword]}` added.",
                ctx.loc,
            )
        elif (new < old) if lower_tighter else (new > old):
            state.add(
                f"{ctx.prefix}-{tightened}",
                (*at, keyword),
                f"{ctx.label}: `{keyword}` changed from {base[keyword]} to {head[keyword]}.",
                ctx.loc,
            )
    old_pattern, new_pattern = base.get("pattern"), head.get("pattern")
    if isinstance(new_pattern, str) and new_pattern != old_pattern:
        check = "pattern-added" if old_pattern is None else "pattern-changed"
        state.add(
            f"{ctx.prefix}-{check}",
            (*at, "pattern"),
            f"{ctx.label}: values must now match `{new_pattern}`.",
            ctx.loc,
        )


def _props(schema: dict[str, Any]) -> dict[str, Any]:
    raw = schema.get("properties")
    return {str(k): v for k, v in raw.items()} if isinstance(raw, dict) else {}


def _flag(doc: Document, schema: Any, key: str) -> bool:
    value, _ = resolve(doc, schema, ())
    return isinstance(value, dict) and value.get(key) is True


def _property_changes(
    state: _Diff,
    base: dict[str, Any],
    head: dict[str, Any],
    at: Pointer,
    ctx: _Ctx,
    depth: int,
) -> list[tuple[Any, Any, Pointer, _Ctx, int]]:
    old_props, new_props = _props(base), _props(head)
    old_required, new_required = _required(base), _required(head)
    props_at = (*at, "properties") if "properties" in head else at
    if ctx.request:
        for name in sorted(new_required - old_required):
            if name in new_props and _flag(state.head, new_props[name], "readOnly"):
                continue
            existed = name in old_props
            check = (
                "request-property-became-required" if existed else ("new-required-request-property")
            )
            state.add(
                check,
                (*at, "required"),
                f"{ctx.label}: property `{name}` is now required.",
                (*ctx.loc, "properties", name),
            )
    else:
        for name, old in old_props.items():
            if _flag(state.base, old, "writeOnly"):
                continue
            if name not in new_props:
                check = (
                    "response-required-property-removed"
                    if name in old_required
                    else ("response-optional-property-removed")
                )
                state.add(
                    check,
                    props_at,
                    f"{ctx.label}: property `{name}` was removed.",
                    (*ctx.loc, "properties", name),
                )
            elif name in old_required and name not in new_required:
                state.add(
                    "response-property-became-optional",
                    (*props_at, name) if "properties" in head else at,
                    f"{ctx.label}: property `{name}` is no longer required.",
                    (*ctx.loc, "properties", name),
                )
    return [
        (old, new_props[name], (*at, "properties", name), ctx.child(name, f" `{name}`"), depth + 1)
        for name, old in old_props.items()
        if name in new_props
    ]


def _members(doc: Document, raw: Any) -> dict[str, Any]:
    """Union members keyed by what names them: the ref, else the position."""
    if not isinstance(raw, list):
        return {}
    out: dict[str, Any] = {}
    for index, member in enumerate(raw):
        if _null_member(member):
            continue  # nullability, compared on its own
        ref = member.get("$ref") if isinstance(member, dict) else None
        out[str(ref) if isinstance(ref, str) else f"#{index}"] = member
    return out


def _union_changes(
    state: _Diff,
    base: dict[str, Any],
    head: dict[str, Any],
    at: Pointer,
    ctx: _Ctx,
    depth: int,
) -> list[tuple[Any, Any, Pointer, _Ctx, int]]:
    more: list[tuple[Any, Any, Pointer, _Ctx, int]] = []
    for keyword, word in (("oneOf", "one-of"), ("anyOf", "any-of")):
        old, new = _members(state.base, base.get(keyword)), _members(state.head, head.get(keyword))
        if not old or not new:
            continue
        if ctx.request:
            for name in old:
                if name not in new:
                    state.add(
                        f"{ctx.prefix}-{word}-removed",
                        (*at, keyword),
                        f"{ctx.label}: `{keyword}` alternative `{_short(name)}` removed.",
                        ctx.loc,
                    )
        else:
            for name in new:
                if name not in old:
                    state.add(
                        f"{ctx.prefix}-{word}-added",
                        (*at, keyword),
                        f"{ctx.label}: `{keyword}` alternative `{_short(name)}` added.",
                        ctx.loc,
                    )
        for name, member in old.items():
            if name in new:
                more.append((member, new[name], (*at, keyword), ctx, depth + 1))
    return more


def _short(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]
