"""Protobuf wire-contract breaks between a `.proto` file's versions (rule `api-breaking-change`,
reported under its old id `proto-breaking-change`).

Both versions are parsed with our own small parser (`lib.proto_parse`) and compared by
message, field number and name, enum value, service and rpc. One check needs no
base version: a field declared with a number or name the message itself reserves,
which is exactly how a deleted field's number gets reused by mistake.
A removal is reported at the surviving parent's line (message, enum, service), or
at the nearest added line when the change did not touch that line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bot.models import ChangedFile, FileKind
from bot.rules.engine import Check, Hit, catalog_rule
from bot.rules.lib.proto_parse import Enum, Field, Message, ProtoFile, parse
from bot.rules.lib.spec_findings import grouped_hits

RULE_ID = "proto-breaking-change"

FIELD_DELETED = "Breaking: protobuf field deleted without `reserved`"
NUMBER_CHANGED = "Breaking: protobuf field number changed"
NUMBER_REUSED = "Breaking: protobuf field number reused for a different field"
RESERVED_USED = "Breaking: protobuf field uses a reserved number or name"
TYPE_CHANGED = "Breaking: protobuf field type changed"
CARDINALITY_CHANGED = "Breaking: protobuf field label changed"
ONEOF_CHANGED = "Breaking: protobuf field moved into or out of a oneof"
FIELD_RENAMED = "Breaking: protobuf field renamed"
MESSAGE_REMOVED = "Breaking: protobuf message removed"
ENUM_REMOVED = "Breaking: protobuf enum removed"
ENUM_VALUE_REMOVED = "Breaking: protobuf enum value removed without `reserved`"
ENUM_VALUE_CHANGED = "Breaking: protobuf enum value number changed"
ENUM_VALUE_RENAMED = "Breaking: protobuf enum value renamed"
PACKAGE_CHANGED = "Breaking: protobuf package changed"
SERVICE_REMOVED = "Breaking: gRPC service removed"
RPC_REMOVED = "Breaking: RPC removed"
RPC_CHANGED = "Breaking: RPC request or response type changed"
STREAMING_CHANGED = "Breaking: RPC streaming changed"

# buf's classes, from the narrowest: what a change breaks.
WIRE = "wire"  # binary peers decode garbage or fail
WIRE_JSON = "wire-JSON"  # JSON (protojson, grpc-gateway) clients break
SOURCE = "source"  # generated code stops compiling
_BREAKS = {
    WIRE: "every peer on the old schema (binary and JSON)",
    WIRE_JSON: "clients speaking JSON (protojson, grpc-gateway, Connect JSON)",
    SOURCE: "code generated from the old schema (it no longer compiles)",
}

# Scalars that share a wire encoding, and which of them also share a JSON form.
_WIRE_GROUPS = (
    frozenset({"int32", "uint32", "int64", "uint64", "bool"}),
    frozenset({"sint32", "sint64"}),
    frozenset({"fixed32", "sfixed32"}),
    frozenset({"fixed64", "sfixed64"}),
    frozenset({"string", "bytes"}),
)
_JSON_STRING_INTS = frozenset({"int64", "uint64", "sint64", "fixed64", "sfixed64"})
_JSON_NUMBERS = frozenset({"int32", "uint32", "sint32", "fixed32", "sfixed32"})
_SCALARS = frozenset().union(*_WIRE_GROUPS) | {"double", "float"}

Found = tuple[str, int, str]


def _say(what: str, rule: str, klass: str) -> str:
    return f"{what} Breaks {_BREAKS[klass]}. (buf `{rule}`, {klass} class)"


def _type_key(kind: str) -> str:
    """`.acme.v1.User` and `User` name the same type as far as one file can tell."""
    return " ".join(word.rsplit(".", 1)[-1] for word in kind.replace("<", " < ").split())


def _type_class(old: str, new: str) -> str:
    """The narrowest class a type change breaks."""
    if old in _SCALARS and new in _SCALARS:
        if not any(old in g and new in g for g in _WIRE_GROUPS):
            return WIRE
        same_json = (old in _JSON_STRING_INTS) == (new in _JSON_STRING_INTS) and (
            (old in _JSON_NUMBERS) == (new in _JSON_NUMBERS)
        )
        return (
            SOURCE
            if same_json and "bool" not in {old, new} and "bytes" not in {old, new}
            else WIRE_JSON
        )
    if (old in _SCALARS) != (new in _SCALARS) or old.startswith("map") != new.startswith("map"):
        return WIRE
    return SOURCE  # another message or enum name: same wire shape, other generated type


def _json_name(field: Field) -> str:
    if field.json_name:
        return field.json_name
    head, *rest = field.name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _parent_line(head: ProtoFile, name: str, fallback: int) -> int:
    scope = name.rpartition(".")[0]
    while scope:
        if scope in head.messages:
            return head.messages[scope].line
        scope = scope.rpartition(".")[0]
    return fallback


def compare(base: ProtoFile, head: ProtoFile) -> Iterator[Found]:
    """(title, head line, detail) for every break of `base`'s contract in `head`."""
    if base.package and head.package != base.package:
        what = (
            f"Package `{base.package}` became `{head.package or '(none)'}`: every full "
            "type name and gRPC method path changes."
        )
        yield PACKAGE_CHANGED, head.package_line or 1, _say(what, "FILE_SAME_PACKAGE", WIRE)
    for name, old in base.messages.items():
        new = head.messages.get(name)
        if new is None:
            line = _parent_line(head, name, old.line)
            what = f"Message `{name}` was removed."
            yield MESSAGE_REMOVED, line, _say(what, "MESSAGE_NO_DELETE", SOURCE)
            continue
        yield from _fields(name, old, new)
    for name, old_enum in base.enums.items():
        new_enum = head.enums.get(name)
        if new_enum is None:
            line = _parent_line(head, name, old_enum.line)
            yield ENUM_REMOVED, line, _say(f"Enum `{name}` was removed.", "ENUM_NO_DELETE", SOURCE)
            continue
        yield from _enum_values(name, old_enum, new_enum)
    yield from _services(base, head)


def _enum_values(name: str, old: Enum, new: Enum) -> Iterator[Found]:
    names_at: dict[int, list[str]] = {}
    for value, (number, _line) in new.values.items():
        names_at.setdefault(number, []).append(value)
    for value, (number, _line) in old.values.items():
        label = f"`{name}.{value}`"
        if number in names_at:
            if value not in names_at[number]:
                now = names_at[number][0]
                line = new.values[now][1]
                what = f"{label} ({number}) was renamed to `{now}`; JSON carries enum names."
                yield ENUM_VALUE_RENAMED, line, _say(what, "ENUM_VALUE_SAME_NAME", WIRE_JSON)
            continue
        current = new.values.get(value)
        if current is not None:
            what = f"{label} changed from {number} to {current[0]}."
            yield ENUM_VALUE_CHANGED, current[1], _say(what, "ENUM_VALUE_NO_DELETE", WIRE)
            continue
        if new.reserved.has_number(number):
            if value not in new.reserved.names:
                what = (
                    f"{label} ({number}) was removed; its number is reserved, add "
                    f'`reserved "{value}";` too.'
                )
                rule = "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED"
                yield ENUM_VALUE_REMOVED, new.line, _say(what, rule, WIRE_JSON)
            continue
        what = f"{label} ({number}) was removed and its number is not reserved."
        rule = "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED"
        yield ENUM_VALUE_REMOVED, new.line, _say(what, rule, WIRE)


def _services(base: ProtoFile, head: ProtoFile) -> Iterator[Found]:
    for name, old_service in base.services.items():
        service = head.services.get(name)
        if service is None:
            what = f"Service `{name}` was removed."
            yield SERVICE_REMOVED, old_service.line, _say(what, "SERVICE_NO_DELETE", WIRE)
            continue
        for rpc_name, rpc in old_service.rpcs.items():
            now = service.rpcs.get(rpc_name)
            label = f"`{name}.{rpc_name}`"
            if now is None:
                yield (
                    RPC_REMOVED,
                    service.line,
                    _say(f"{label} was removed.", "RPC_NO_DELETE", WIRE),
                )
                continue
            for side, before, after, was, is_ in (
                ("CLIENT", rpc.request, now.request, rpc.client_streaming, now.client_streaming),
                ("SERVER", rpc.response, now.response, rpc.server_streaming, now.server_streaming),
            ):
                if was != is_:
                    what = f"{label}: `{before}` became `{after}`."
                    yield (
                        STREAMING_CHANGED,
                        now.line,
                        _say(what, f"RPC_SAME_{side}_STREAMING", WIRE),
                    )
                elif _type_key(before) != _type_key(after):
                    kind = "REQUEST" if side == "CLIENT" else "RESPONSE"
                    what = f"{label}: {kind.lower()} type `{before}` became `{after}`."
                    yield RPC_CHANGED, now.line, _say(what, f"RPC_SAME_{kind}_TYPE", SOURCE)


def _fields(scope: str, old: Message, new: Message) -> Iterator[Found]:
    by_number = {f.number: f for f in new.fields.values()}
    for name, field in old.fields.items():
        label = f"`{scope}.{name}`"
        now = by_number.get(field.number)
        if now is None:
            yield from _field_gone(scope, label, field, new)
            continue
        if now.name != name:
            moved = new.fields.get(name)
            if moved is not None:
                pass  # reported from the other side as a number change
            elif _type_key(now.value_type) != _type_key(field.value_type):
                what = (
                    f"Number {field.number} was {label} (`{field.type}`), now `{now.name}` "
                    f"(`{now.type}`)."
                )
                yield NUMBER_REUSED, now.line, _say(what, "FIELD_SAME_TYPE", WIRE)
                continue
            if _json_name(now) != _json_name(field):
                what = (
                    f"{label} ({field.number}) was renamed to `{now.name}`; its JSON name "
                    f"`{_json_name(field)}` became `{_json_name(now)}`."
                )
                yield FIELD_RENAMED, now.line, _say(what, "FIELD_SAME_JSON_NAME", WIRE_JSON)
            else:
                what = f"{label} ({field.number}) was renamed to `{now.name}`."
                yield FIELD_RENAMED, now.line, _say(what, "FIELD_SAME_NAME", SOURCE)
        elif _json_name(now) != _json_name(field):
            what = f"{label}: JSON name `{_json_name(field)}` became `{_json_name(now)}`."
            yield FIELD_RENAMED, now.line, _say(what, "FIELD_SAME_JSON_NAME", WIRE_JSON)
        yield from _field_shape(label, field, now)


def _field_gone(scope: str, label: str, field: Field, new: Message) -> Iterator[Found]:
    same_name = new.fields.get(field.name)
    if same_name is not None:
        what = f"{label} moved from number {field.number} to {same_name.number}."
        yield NUMBER_CHANGED, same_name.line, _say(what, "FIELD_NO_DELETE", WIRE)
        return
    missing = []
    if not new.reserved.has_number(field.number):
        missing.append(f"`reserved {field.number};`")
    if field.name not in new.reserved.names:
        missing.append(f'`reserved "{field.name}";`')
    if not missing:
        return
    number_ok = new.reserved.has_number(field.number)
    rule = (
        "FIELD_NO_DELETE_UNLESS_NAME_RESERVED"
        if number_ok
        else "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED"
    )
    what = f"{label} (number {field.number}) was deleted; add {' and '.join(missing)} to `{scope}`."
    yield FIELD_DELETED, new.line, _say(what, rule, WIRE_JSON if number_ok else WIRE)


def _field_shape(label: str, field: Field, now: Field) -> Iterator[Found]:
    old_type, new_type = _type_key(field.value_type), _type_key(now.value_type)
    if old_type != new_type:
        klass = _type_class(old_type, new_type)
        rule = {
            WIRE: "FIELD_WIRE_COMPATIBLE_TYPE",
            WIRE_JSON: "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
        }.get(klass, "FIELD_SAME_TYPE")
        what = f"{label} changed from `{field.type}` to `{now.type}`."
        yield TYPE_CHANGED, now.line, _say(what, rule, klass)
        return
    if field.label != now.label:
        before, after = field.label or "singular", now.label or "singular"
        wire = "repeated" in {field.label, now.label} or "required" in {field.label, now.label}
        rule = "FIELD_WIRE_COMPATIBLE_CARDINALITY" if wire else "FIELD_SAME_CARDINALITY"
        what = f"{label} changed from {before} to {after}."
        yield CARDINALITY_CHANGED, now.line, _say(what, rule, WIRE if wire else SOURCE)
    if field.oneof != now.oneof:
        before = f"oneof `{field.oneof}`" if field.oneof else "no oneof"
        after = f"oneof `{now.oneof}`" if now.oneof else "no oneof"
        what = f"{label} moved from {before} to {after}."
        yield ONEOF_CHANGED, now.line, _say(what, "FIELD_SAME_ONEOF", WIRE_JSON)


def reserved_in_use(head: ProtoFile) -> Iterator[Found]:
    for name, message in head.messages.items():
        for field in message.fields.values():
            if message.reserved.has_number(field.number) or field.name in message.reserved.names:
                yield (
                    RESERVED_USED,
                    field.line,
                    f"`{name}.{field.name} = {field.number}` uses what `{name}` reserves for "
                    "a deleted field (protoc rejects it; older peers read it as the old field).",
                )


class ProtoBreaking(Check):
    name = "proto-breaking"
    kinds = frozenset({FileKind.API_SPEC})
    languages = frozenset({"proto"})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        head = parse(file.visible_text())
        if head is None:
            return
        found = list(reserved_in_use(head))
        base = parse(file.base_content) if file.content is not None else None
        if base is not None:
            found += compare(base, head)
        yield from grouped_hits(file, RULE_ID, found)


RULE = catalog_rule(RULE_ID)

ProtoBreaking.rules = (RULE,)
CHECKS: list[Check] = [ProtoBreaking()]
