"""GraphQL SDL: what a new schema version breaks for clients of the old one.

Parsed with graphql-core (the reference implementation's Python port) into its AST,
then compared by type, field, argument, input field, enum value, union member and
interface. The AST rather than a built schema, because a repository often splits its
schema over several files: one file alone may reference types it does not define, and
`extend type` adds to types defined elsewhere; a built schema would reject both.

Classification follows GraphQL Inspector's change types: removals, new required
arguments or input fields, argument and input type changes that accept less, and
output type changes that promise less (non-null to nullable) are breaking; additions
are safe; deprecations are notices.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# graphql-core's AST nodes, read by their `kind` and attributes (its node classes
# are a union mypy cannot narrow by `kind`).
Node = Any
TypeNode = Any

# graphql-core is imported only when a GraphQL file is diffed: the rule engine imports
# this module for every review, and graphql-core takes ~150 ms to import.

ERROR = "error"
INFO = "info"

# AST node kinds (`node.kind`) of type definitions and extensions -> our kind.
_KINDS = {
    f"{prefix}_type_{suffix}": kind
    for prefix, kind in (
        ("object", "object"),
        ("interface", "interface"),
        ("input_object", "input"),
        ("enum", "enum"),
        ("union", "union"),
        ("scalar", "scalar"),
    )
    for suffix in ("definition", "extension")
}
_LIST, _NON_NULL, _NAMED = "list_type", "non_null_type", "named_type"


@dataclass
class Arg:
    name: str
    type: TypeNode
    has_default: bool
    line: int
    deprecated: bool = False


@dataclass
class Member:
    """A field of an object/interface, or a field of an input type."""

    name: str
    type: TypeNode
    line: int
    args: dict[str, Arg] = field(default_factory=dict)
    has_default: bool = False
    deprecated: bool = False


@dataclass
class TypeDef:
    name: str
    kind: str
    line: int
    fields: dict[str, Member] = field(default_factory=dict)
    interfaces: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)  # union
    values: dict[str, tuple[int, bool]] = field(default_factory=dict)  # enum: line, deprecated


@dataclass
class Directive:
    name: str
    line: int
    args: dict[str, Arg] = field(default_factory=dict)
    locations: set[str] = field(default_factory=set)


@dataclass
class Sdl:
    types: dict[str, TypeDef] = field(default_factory=dict)
    directives: dict[str, Directive] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    check: str  # GraphQL Inspector's change type
    title: str
    line: int  # in the post-change file
    detail: str
    level: str = ERROR


def _line(node: Node | None) -> int:
    loc = getattr(node, "loc", None)
    token = getattr(loc, "start_token", None)
    return int(getattr(token, "line", 1) or 1)


def _deprecated(node: Node) -> bool:
    return any(d.name.value == "deprecated" for d in getattr(node, "directives", None) or ())


def _args(nodes: object) -> dict[str, Arg]:
    out = {}
    for arg in nodes or ():  # type: ignore[attr-defined]
        out[arg.name.value] = Arg(
            arg.name.value,
            arg.type,
            arg.default_value is not None,
            _line(arg),
            _deprecated(arg),
        )
    return out


def load(text: str | None) -> Sdl | None:
    """The type system a document defines; None when it defines none (an operation
    document such as a client's `query.graphql`) or does not parse."""
    if not text or not text.strip():
        return None
    from graphql import GraphQLError, parse

    try:
        document = parse(text, no_location=False)
    except (GraphQLError, RecursionError):
        return None
    out = Sdl()
    definitions: list[Node] = list(document.definitions)
    for node in definitions:
        if node.kind == "directive_definition":
            out.directives[node.name.value] = Directive(
                node.name.value,
                _line(node),
                _args(node.arguments),
                {loc.value for loc in node.locations},
            )
            continue
        kind = _KINDS.get(node.kind)
        if kind is None:
            continue
        name = node.name.value
        typedef = out.types.setdefault(name, TypeDef(name, kind, _line(node)))
        if node.kind.endswith("_definition"):
            typedef.kind, typedef.line = kind, _line(node)
        _fill(typedef, node)
    if not out.types and not out.directives:
        return None
    return out


def _fill(typedef: TypeDef, node: Node) -> None:
    for item in getattr(node, "fields", None) or ():
        typedef.fields[item.name.value] = Member(
            item.name.value,
            item.type,
            _line(item),
            _args(getattr(item, "arguments", None)),
            getattr(item, "default_value", None) is not None,
            _deprecated(item),
        )
    for iface in getattr(node, "interfaces", None) or ():
        typedef.interfaces.add(iface.name.value)
    for member in getattr(node, "types", None) or ():
        typedef.members.add(member.name.value)
    for value in getattr(node, "values", None) or ():
        typedef.values[value.name.value] = (_line(value), _deprecated(value))


# --- type changes --------------------------------------------------------------------


def safe_for_output(old: TypeNode, new: TypeNode) -> bool:
    """A field's result may become stricter (nullable to non-null), never looser."""
    if old.kind == _LIST:
        return (new.kind == _LIST and safe_for_output(old.type, new.type)) or (
            new.kind == _NON_NULL and safe_for_output(old, new.type)
        )
    if old.kind == _NON_NULL:
        return new.kind == _NON_NULL and safe_for_output(old.type, new.type)
    if new.kind == _NON_NULL:
        return safe_for_output(old, new.type)
    return old.kind == _NAMED and new.kind == _NAMED and old.name.value == new.name.value


def safe_for_input(old: TypeNode, new: TypeNode) -> bool:
    """An argument or input field may become looser (non-null to nullable), never stricter."""
    if old.kind == _LIST:
        return new.kind == _LIST and safe_for_input(old.type, new.type)
    if old.kind == _NON_NULL:
        if new.kind == _NON_NULL:
            return safe_for_input(old.type, new.type)
        return safe_for_input(old.type, new)
    return old.kind == _NAMED and new.kind == _NAMED and old.name.value == new.name.value


def _t(node: TypeNode) -> str:
    from graphql.language import print_ast

    return print_ast(node)


# --- the differ ------------------------------------------------------------------------

_TITLES = {
    "TYPE_REMOVED": "Breaking: GraphQL type removed",
    "TYPE_KIND_CHANGED": "Breaking: GraphQL type changed kind",
    "FIELD_REMOVED": "Breaking: GraphQL field removed",
    "FIELD_TYPE_CHANGED": "Breaking: GraphQL field type changed",
    "FIELD_ARGUMENT_REMOVED": "Breaking: GraphQL argument removed",
    "FIELD_ARGUMENT_ADDED": "Breaking: new required GraphQL argument",
    "FIELD_ARGUMENT_TYPE_CHANGED": "Breaking: GraphQL argument type changed",
    "INPUT_FIELD_REMOVED": "Breaking: GraphQL input field removed",
    "INPUT_FIELD_ADDED": "Breaking: new required GraphQL input field",
    "INPUT_FIELD_TYPE_CHANGED": "Breaking: GraphQL input field type changed",
    "ENUM_VALUE_REMOVED": "Breaking: GraphQL enum value removed",
    "UNION_MEMBER_REMOVED": "Breaking: GraphQL union member removed",
    "OBJECT_TYPE_INTERFACE_REMOVED": "Breaking: GraphQL interface no longer implemented",
    "DIRECTIVE_REMOVED": "Breaking: GraphQL directive removed",
    "DIRECTIVE_ARGUMENT_REMOVED": "Breaking: GraphQL directive argument removed",
    "DIRECTIVE_LOCATION_REMOVED": "Breaking: GraphQL directive location removed",
    "FIELD_DEPRECATION_ADDED": "GraphQL field deprecated",
    "ENUM_VALUE_DEPRECATION_ADDED": "GraphQL enum value deprecated",
}

_BREAKS = {
    "TYPE_REMOVED": "queries and fragments naming it fail validation",
    "TYPE_KIND_CHANGED": "queries selecting it fail validation",
    "FIELD_REMOVED": "queries selecting it fail validation",
    "FIELD_TYPE_CHANGED": "clients decode a different or nullable value",
    "FIELD_ARGUMENT_REMOVED": "queries passing it fail validation",
    "FIELD_ARGUMENT_ADDED": "queries that do not pass it fail validation",
    "FIELD_ARGUMENT_TYPE_CHANGED": "variables and literals valid yesterday are rejected",
    "INPUT_FIELD_REMOVED": "inputs that set it fail validation",
    "INPUT_FIELD_ADDED": "inputs without it fail validation",
    "INPUT_FIELD_TYPE_CHANGED": "inputs valid yesterday are rejected",
    "ENUM_VALUE_REMOVED": "clients sending or switching on it fail",
    "UNION_MEMBER_REMOVED": "fragments on it stop matching, and may fail validation",
    "OBJECT_TYPE_INTERFACE_REMOVED": "fragments on the interface stop matching",
    "DIRECTIVE_REMOVED": "documents using it fail validation",
    "DIRECTIVE_ARGUMENT_REMOVED": "documents passing it fail validation",
    "DIRECTIVE_LOCATION_REMOVED": "documents using it there fail validation",
}


@dataclass
class _Diff:
    changes: list[Change] = field(default_factory=list)

    def add(self, check: str, line: int, what: str) -> None:
        level = INFO if check.endswith("_DEPRECATION_ADDED") else ERROR
        breaks = f" Breaks: {_BREAKS[check]}." if check in _BREAKS else ""
        detail = f"{what}{breaks} (check `{check}`)"
        self.changes.append(Change(check, _TITLES[check], line, detail, level))


def diff(base: Sdl, head: Sdl) -> list[Change]:
    state = _Diff()
    for name, old in base.types.items():
        new = head.types.get(name)
        if new is None:
            state.add("TYPE_REMOVED", 1, f"Type `{name}` was removed.")
            continue
        if new.kind != old.kind:
            state.add(
                "TYPE_KIND_CHANGED", new.line, f"`{name}` changed from {old.kind} to {new.kind}."
            )
            continue
        if old.kind in {"object", "interface"}:
            _output_fields(state, old, new)
            for iface in sorted(old.interfaces - new.interfaces):
                state.add(
                    "OBJECT_TYPE_INTERFACE_REMOVED",
                    new.line,
                    f"`{name}` no longer implements `{iface}`.",
                )
        elif old.kind == "input":
            _input_fields(state, old, new)
        elif old.kind == "enum":
            _enum_values(state, old, new)
        elif old.kind == "union":
            for member in sorted(old.members - new.members):
                state.add(
                    "UNION_MEMBER_REMOVED", new.line, f"`{member}` was removed from union `{name}`."
                )
    for name, old_dir in base.directives.items():
        new_dir = head.directives.get(name)
        if new_dir is None:
            state.add("DIRECTIVE_REMOVED", 1, f"Directive `@{name}` was removed.")
            continue
        for arg in sorted(set(old_dir.args) - set(new_dir.args)):
            state.add(
                "DIRECTIVE_ARGUMENT_REMOVED", new_dir.line, f"`@{name}` lost argument `{arg}`."
            )
        for loc in sorted(old_dir.locations - new_dir.locations):
            state.add(
                "DIRECTIVE_LOCATION_REMOVED",
                new_dir.line,
                f"`@{name}` is no longer allowed on {loc}.",
            )
    return state.changes


def _output_fields(state: _Diff, old: TypeDef, new: TypeDef) -> None:
    for name, was in old.fields.items():
        label = f"`{old.name}.{name}`"
        now = new.fields.get(name)
        if now is None:
            state.add("FIELD_REMOVED", new.line, f"{label} was removed.")
            continue
        if not safe_for_output(was.type, now.type):
            state.add(
                "FIELD_TYPE_CHANGED",
                now.line,
                f"{label} changed from `{_t(was.type)}` to `{_t(now.type)}`.",
            )
        if now.deprecated and not was.deprecated:
            state.add("FIELD_DEPRECATION_ADDED", now.line, f"{label} is now deprecated.")
        for arg_name, arg in was.args.items():
            after = now.args.get(arg_name)
            if after is None:
                state.add(
                    "FIELD_ARGUMENT_REMOVED", now.line, f"{label} lost argument `{arg_name}`."
                )
            elif not safe_for_input(arg.type, after.type):
                state.add(
                    "FIELD_ARGUMENT_TYPE_CHANGED",
                    after.line,
                    f"{label} argument `{arg_name}` changed from `{_t(arg.type)}` to "
                    f"`{_t(after.type)}`.",
                )
        for arg_name, arg in now.args.items():
            if arg_name in was.args:
                continue
            if arg.type.kind == _NON_NULL and not arg.has_default:
                state.add(
                    "FIELD_ARGUMENT_ADDED",
                    arg.line,
                    f"{label} now requires argument `{arg_name}: {_t(arg.type)}`.",
                )


def _input_fields(state: _Diff, old: TypeDef, new: TypeDef) -> None:
    for name, was in old.fields.items():
        label = f"`{old.name}.{name}`"
        now = new.fields.get(name)
        if now is None:
            state.add("INPUT_FIELD_REMOVED", new.line, f"{label} was removed.")
        elif not safe_for_input(was.type, now.type):
            state.add(
                "INPUT_FIELD_TYPE_CHANGED",
                now.line,
                f"{label} changed from `{_t(was.type)}` to `{_t(now.type)}`.",
            )
    for name, now in new.fields.items():
        if name not in old.fields and now.type.kind == _NON_NULL and not now.has_default:
            state.add(
                "INPUT_FIELD_ADDED",
                now.line,
                f"`{old.name}` now requires input field `{name}: {_t(now.type)}`.",
            )


def _enum_values(state: _Diff, old: TypeDef, new: TypeDef) -> None:
    for value, (_line_no, was_deprecated) in old.values.items():
        now = new.values.get(value)
        if now is None:
            state.add("ENUM_VALUE_REMOVED", new.line, f"`{old.name}.{value}` was removed.")
        elif now[1] and not was_deprecated:
            state.add(
                "ENUM_VALUE_DEPRECATION_ADDED", now[0], f"`{old.name}.{value}` is now deprecated."
            )


def changes(base_text: str | None, head_text: str | None) -> Iterator[Change]:
    base, head = load(base_text), load(head_text)
    if base is not None and head is not None:
        yield from diff(base, head)
