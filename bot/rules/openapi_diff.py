"""A small OpenAPI 3.x / Swagger 2 differ: breaking changes between two parsed documents.

Pure functions over plain data (what `yaml.safe_load` returns), plus a line map
built from `yaml.compose` so a change can be reported at a line of the post-change
file. Local `$ref`s (`#/components/...`, `#/definitions/...`) are followed with a
cycle guard; external ones cannot be seen from one file and are treated as opaque.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

Pointer = tuple[str, ...]
LineMap = dict[Pointer, int]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MAX_DEPTH = 24

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Document:
    data: dict[str, Any]
    lines: LineMap  # pointer -> 1-based line of its key (or item) in the text

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


@dataclass(frozen=True)
class Change:
    title: str
    pointer: Pointer  # where it shows in the post-change document (deepest surviving)
    detail: str


@lru_cache(maxsize=16)
def load(text: str | None) -> Document | None:
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
        _map_lines(node, (), lines, set())
    return Document(data=data, lines=lines)


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


def _map_lines(node: yaml.Node, pointer: Pointer, out: LineMap, seen: set[int]) -> None:
    # An alias shares its anchor's node: walking it again would only repeat lines, and
    # a document of nested aliases ("billion laughs") would never finish.
    if id(node) in seen or len(pointer) > 64:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            child = (*pointer, str(key.value))
            out.setdefault(child, key.start_mark.line + 1)
            _map_lines(value, child, out, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*pointer, str(index))
            out.setdefault(child, item.start_mark.line + 1)
            _map_lines(item, child, out, seen)


# --- $ref -----------------------------------------------------------------------


def ref_pointer(ref: object) -> Pointer | None:
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return None
    return tuple(p.replace("~1", "/").replace("~0", "~") for p in ref[2:].split("/"))


def resolve(doc: Mapping[str, Any], value: Any, where: Pointer) -> tuple[Any, Pointer]:
    """Follow local `$ref`s (chains included); return the target and its pointer.
    An unresolvable or cyclic ref gives an empty mapping: nothing to compare."""
    seen: set[Pointer] = set()
    while isinstance(value, dict) and "$ref" in value:
        target = ref_pointer(value["$ref"])
        if target is None or target in seen:
            return {}, where
        seen.add(target)
        node: Any = doc
        for part in target:
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            return {}, where
        value, where = node, target
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


def operations(doc: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    paths = doc.data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        item, _ = resolve(doc.data, item, ("paths", str(path)))
        if not isinstance(item, dict):
            continue
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


def parameters(doc: Document, path: str) -> dict[str, dict[str, Param]]:
    """Per method: parameters (path-level merged, operation-level winning) by name.
    Swagger 2 `in: body` and `in: formData` are left to the request-body diff."""
    item, _ = resolve(doc.data, doc.data.get("paths", {}).get(path), ("paths", path))
    out: dict[str, dict[str, Param]] = {}
    if not isinstance(item, dict):
        return out
    shared = _params(doc, item.get("parameters"), ("paths", path, "parameters"))
    for method in METHODS:
        op = item.get(method)
        if not isinstance(op, dict):
            continue
        own = _params(doc, op.get("parameters"), ("paths", path, method, "parameters"))
        merged = {(p.name, p.location): p for p in shared}
        merged.update({(p.name, p.location): p for p in own})
        out[method] = {p.name: p for p in merged.values()}
    return out


def _params(doc: Document, raw: Any, where: Pointer) -> list[Param]:
    if not isinstance(raw, list):
        return []
    out = []
    for index, entry in enumerate(raw):
        value, _ = resolve(doc.data, entry, (*where, str(index)))
        if not isinstance(value, dict) or not isinstance(value.get("name"), str):
            continue
        location = str(value.get("in", ""))
        if location in {"body", "formData"}:
            continue
        # Swagger 2 puts type/format/enum on the parameter itself.
        schema = value.get("schema", value)
        required = bool(value.get("required")) or location == "path"
        out.append(Param(value["name"], location, required, schema, (*where, str(index))))
    return out


def request_schema(doc: Document, op: dict[str, Any], where: Pointer) -> tuple[Any, Pointer]:
    if doc.swagger2:
        for index, entry in enumerate(op.get("parameters") or []):
            value, _ = resolve(doc.data, entry, (*where, "parameters", str(index)))
            if isinstance(value, dict) and value.get("in") == "body":
                return value.get("schema"), (*where, "parameters", str(index), "schema")
        return None, where
    body, body_at = resolve(doc.data, op.get("requestBody"), (*where, "requestBody"))
    return _content_schema(body, body_at)


def response_schema(doc: Document, response: Any, where: Pointer) -> tuple[Any, Pointer]:
    value, at = resolve(doc.data, response, where)
    if not isinstance(value, dict):
        return None, at
    if "schema" in value:
        return value["schema"], (*at, "schema")
    return _content_schema(value, at)


def _content_schema(holder: Any, at: Pointer) -> tuple[Any, Pointer]:
    content = holder.get("content") if isinstance(holder, dict) else None
    if not isinstance(content, dict) or not content:
        return None, at
    media = next((m for m in content if "json" in str(m)), next(iter(content)))
    entry = content.get(media)
    if not isinstance(entry, dict):
        return None, (*at, "content", str(media))
    return entry.get("schema"), (*at, "content", str(media), "schema")


# --- the differ ---------------------------------------------------------------------


@dataclass
class _Diff:
    base: Document
    head: Document
    changes: list[Change] = field(default_factory=list)
    seen: set[tuple[int, int, str]] = field(default_factory=set)

    def add(self, title: str, pointer: Pointer, detail: str) -> None:
        self.changes.append(Change(title, pointer, detail))


REMOVED_PATH = "Breaking: path removed"
REMOVED_OPERATION = "Breaking: operation removed"
REMOVED_STATUS = "Breaking: response status code removed"
REMOVED_PROPERTY = "Breaking: response property removed"
NEW_REQUIRED_PARAM = "Breaking: new required parameter"
NEW_REQUIRED_PROPERTY = "Breaking: new required request-body property"
CHANGED_TYPE = "Breaking: type or format changed"
NARROWED_ENUM = "Breaking: enum values removed"
MOVED_PARAM = "Breaking: parameter moved to another location"


def diff(base: Document, head: Document) -> list[Change]:
    """Changes that break existing clients of `base` when the server serves `head`."""
    state = _Diff(base, head)
    base_paths, head_paths = paths_of(base), paths_of(head)
    for norm, base_path in base_paths.items():
        head_path = head_paths.get(norm)
        if head_path is None:
            state.add(REMOVED_PATH, ("paths",), f"`{base_path}` is no longer in the document.")
            continue
        _diff_path(state, base_path, head_path)
    return _unique(state.changes)


def _unique(changes: list[Change]) -> list[Change]:
    seen: set[tuple[str, str]] = set()
    out = []
    for change in changes:
        key = (change.title, change.detail)
        if key not in seen:
            seen.add(key)
            out.append(change)
    return out


def _diff_path(state: _Diff, base_path: str, head_path: str) -> None:
    base_item, _ = resolve(state.base.data, state.base.data["paths"][base_path], ())
    head_item, _ = resolve(state.head.data, state.head.data["paths"][head_path], ())
    if not isinstance(base_item, dict) or not isinstance(head_item, dict):
        return
    base_params, head_params = parameters(state.base, base_path), parameters(state.head, head_path)
    for method in METHODS:
        base_op, head_op = base_item.get(method), head_item.get(method)
        if not isinstance(base_op, dict):
            continue
        where: Pointer = ("paths", head_path, method)
        label = f"`{method.upper()} {head_path}`"
        if not isinstance(head_op, dict):
            state.add(REMOVED_OPERATION, ("paths", head_path), f"{label} was removed.")
            continue
        _diff_params(state, label, base_params.get(method, {}), head_params.get(method, {}))
        base_req, _ = request_schema(state.base, base_op, ("paths", base_path, method))
        head_req, head_req_at = request_schema(state.head, head_op, where)
        if base_req is not None and head_req is not None:
            _diff_schema(state, base_req, head_req, head_req_at, f"{label} request body", True, 0)
        _diff_responses(state, label, base_op, head_op, where)


def _diff_params(state: _Diff, label: str, base: dict[str, Param], head: dict[str, Param]) -> None:
    for name, new in head.items():
        old = base.get(name)
        if old is None:
            if new.required and new.location != "path":
                state.add(
                    NEW_REQUIRED_PARAM,
                    new.pointer,
                    f"{label} now requires {new.location} parameter `{name}`; existing "
                    "calls do not send it and get a 400.",
                )
            continue
        if old.location != new.location:
            state.add(
                MOVED_PARAM,
                new.pointer,
                f"{label} parameter `{name}` moved from {old.location} to {new.location}; "
                f"clients keep sending it in the {old.location}.",
            )
            continue
        if new.required and not old.required:
            state.add(
                NEW_REQUIRED_PARAM,
                new.pointer,
                f"{label} parameter `{name}` became required; calls that omit it now fail.",
            )
        _diff_schema(state, old.schema, new.schema, (*new.pointer,), f"{label} `{name}`", True, 0)


def _diff_responses(
    state: _Diff, label: str, base_op: dict[str, Any], head_op: dict[str, Any], where: Pointer
) -> None:
    base_res, head_res = base_op.get("responses"), head_op.get("responses")
    if not isinstance(base_res, dict) or not isinstance(head_res, dict):
        return
    head_codes = {str(c): r for c, r in head_res.items()}
    for code, base_response in base_res.items():
        code = str(code)
        if code not in head_codes:
            state.add(
                REMOVED_STATUS,
                (*where, "responses"),
                f"{label} no longer documents response `{code}`; clients that handle it "
                "lose their contract for it.",
            )
            continue
        base_schema, _ = response_schema(state.base, base_response, ())
        head_schema, head_at = response_schema(
            state.head, head_codes[code], (*where, "responses", code)
        )
        if base_schema is not None and head_schema is not None:
            _diff_schema(
                state, base_schema, head_schema, head_at, f"{label} response {code}", False, 0
            )


def _types(schema: dict[str, Any]) -> frozenset[str]:
    raw = schema.get("type")
    if isinstance(raw, str):
        return frozenset({raw})
    if isinstance(raw, list):
        return frozenset(str(t) for t in raw)
    return frozenset()


def _flatten(doc: Document, schema: Any, at: Pointer) -> tuple[dict[str, Any], Pointer]:
    """Resolve refs and merge `allOf` members, so properties compare across both styles."""
    value, at = resolve(doc.data, schema, at)
    if not isinstance(value, dict):
        return {}, at
    members = value.get("allOf")
    if not isinstance(members, list):
        return value, at
    merged: dict[str, Any] = {k: v for k, v in value.items() if k != "allOf"}
    props: dict[str, Any] = dict(merged.get("properties") or {})
    required: list[Any] = list(merged.get("required") or [])
    for member in members:
        part, _ = resolve(doc.data, member, at)
        if not isinstance(part, dict):
            continue
        if isinstance(part.get("properties"), dict):
            props.update(part["properties"])
        if isinstance(part.get("required"), list):
            required += part["required"]
        for key in ("type", "format", "enum", "items"):
            if key in part and key not in merged:
                merged[key] = part[key]
    if props:
        merged["properties"] = props
    if required:
        merged["required"] = required
    return merged, at


def _diff_schema(
    state: _Diff,
    base_raw: Any,
    head_raw: Any,
    at: Pointer,
    label: str,
    request: bool,
    depth: int,
) -> None:
    if depth > _MAX_DEPTH:
        return
    base_value, _ = resolve(state.base.data, base_raw, ())
    head_value, at = resolve(state.head.data, head_raw, at)
    # Keyed on the resolved objects: a recursive schema is compared once, not forever.
    key = (id(base_value), id(head_value), str(request))
    if key in state.seen:
        return
    state.seen.add(key)
    base, _ = _flatten(state.base, base_value, ())
    head, at = _flatten(state.head, head_value, at)
    if not base or not head:
        return
    old_types, new_types = _types(base), _types(head)
    widened = request and old_types <= new_types
    if old_types and new_types and old_types != new_types and not widened:
        state.add(
            CHANGED_TYPE,
            (*at, "type"),
            f"{label}: type changed from `{'|'.join(sorted(old_types))}` to "
            f"`{'|'.join(sorted(new_types))}`.",
        )
        return
    old_format, new_format = base.get("format"), head.get("format")
    if old_format and new_format and old_format != new_format:
        state.add(
            CHANGED_TYPE,
            (*at, "format"),
            f"{label}: format changed from `{old_format}` to `{new_format}`.",
        )
    old_enum, new_enum = base.get("enum"), head.get("enum")
    if request and isinstance(old_enum, list) and isinstance(new_enum, list):
        gone = [v for v in old_enum if v not in new_enum]
        if gone:
            values = ", ".join(f"`{v}`" for v in gone[:8])
            state.add(
                NARROWED_ENUM,
                (*at, "enum"),
                f"{label}: {values} no longer accepted; clients sending them get a 400.",
            )
    _diff_properties(state, base, head, at, label, request, depth)
    if "items" in base and "items" in head:
        _diff_schema(
            state, base["items"], head["items"], (*at, "items"), f"{label}[]", request, depth + 1
        )


def _required(schema: dict[str, Any]) -> set[str]:
    """Required property names; a Swagger 2 parameter's own `required: true` is not a list."""
    names = schema.get("required")
    return {str(n) for n in names} if isinstance(names, list) else set()


def _diff_properties(
    state: _Diff,
    base: dict[str, Any],
    head: dict[str, Any],
    at: Pointer,
    label: str,
    request: bool,
    depth: int,
) -> None:
    old_props = base.get("properties") if isinstance(base.get("properties"), dict) else {}
    new_props = head.get("properties") if isinstance(head.get("properties"), dict) else {}
    assert isinstance(old_props, dict) and isinstance(new_props, dict)
    if request:
        old_required = _required(base)
        for name in sorted(_required(head) - old_required):
            state.add(
                NEW_REQUIRED_PROPERTY,
                (*at, "required"),
                f"{label}: property `{name}` is now required; existing requests "
                "without it are rejected.",
            )
    for name, old in old_props.items():
        name = str(name)
        if name not in new_props:
            if not request and new_props:
                state.add(
                    REMOVED_PROPERTY,
                    (*at, "properties"),
                    f"{label}: property `{name}` was removed; clients reading it get "
                    "nothing (or crash on a strict decoder).",
                )
            continue
        _diff_schema(
            state,
            old,
            new_props[name],
            (*at, "properties", name),
            f"{label} `{name}`",
            request,
            depth + 1,
        )
