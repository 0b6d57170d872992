"""Protobuf wire-contract breaks (`proto-breaking-change`) between a `.proto` file's versions.

Both versions are parsed with our own small parser (`proto_parse`) and compared by
message, field number and name, enum value, service and rpc. One check needs no
base version: a field declared with a number or name the message itself reserves,
which is exactly how a deleted field's number gets reused by mistake.
A removal is reported at the surviving parent's line (message, enum, service), or
at the nearest added line when the change did not touch that line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bot.models import Category, ChangedFile, FileKind, Severity
from bot.rules.engine import Check, Hit, Rule, RuleCase
from bot.rules.openapi import grouped_hits
from bot.rules.proto_parse import Message, ProtoFile, parse

RULE_ID = "proto-breaking-change"

FIELD_DELETED = "Breaking: protobuf field deleted without `reserved`"
NUMBER_CHANGED = "Breaking: protobuf field number changed"
NUMBER_REUSED = "Breaking: protobuf field number reused for a different field"
RESERVED_USED = "Breaking: protobuf field uses a reserved number or name"
TYPE_CHANGED = "Breaking: protobuf field type changed"
MESSAGE_REMOVED = "Breaking: protobuf message removed"
ENUM_REMOVED = "Breaking: protobuf enum removed"
ENUM_VALUE_REMOVED = "Breaking: protobuf enum value removed without `reserved`"
ENUM_VALUE_CHANGED = "Breaking: protobuf enum value number changed"
SERVICE_REMOVED = "Breaking: gRPC service removed"
RPC_REMOVED = "Breaking: RPC removed"
RPC_CHANGED = "Breaking: RPC request or response type changed"


def _type_key(kind: str) -> str:
    """`.acme.v1.User` and `User` name the same type as far as one file can tell."""
    return " ".join(word.rsplit(".", 1)[-1] for word in kind.replace("<", " < ").split())


def _parent_line(head: ProtoFile, name: str, fallback: int) -> int:
    scope = name.rpartition(".")[0]
    while scope:
        if scope in head.messages:
            return head.messages[scope].line
        scope = scope.rpartition(".")[0]
    return fallback


def compare(base: ProtoFile, head: ProtoFile) -> Iterator[tuple[str, int, str]]:
    """(title, head line, detail) for every break of `base`'s contract in `head`."""
    for name, old in base.messages.items():
        new = head.messages.get(name)
        if new is None:
            line = _parent_line(head, name, old.line)
            yield MESSAGE_REMOVED, line, f"Message `{name}` was removed."
            continue
        yield from _fields(name, old, new)
    for name, old_enum in base.enums.items():
        new_enum = head.enums.get(name)
        if new_enum is None:
            line = _parent_line(head, name, old_enum.line)
            yield ENUM_REMOVED, line, f"Enum `{name}` was removed."
            continue
        numbers = {n for n, _ in new_enum.values.values()}
        for value, (number, _line) in old_enum.values.items():
            current = new_enum.values.get(value)
            if current is not None:
                if current[0] != number:
                    yield (
                        ENUM_VALUE_CHANGED,
                        current[1],
                        f"`{name}.{value}` changed from {number} to {current[0]}.",
                    )
                continue
            if number in numbers or new_enum.reserved.has_number(number):
                continue  # renamed in place, or properly reserved
            yield (
                ENUM_VALUE_REMOVED,
                new_enum.line,
                f"`{name}.{value}` ({number}) was removed and its number is not reserved.",
            )
    for name, old_service in base.services.items():
        service = head.services.get(name)
        if service is None:
            yield SERVICE_REMOVED, old_service.line, f"Service `{name}` was removed."
            continue
        for rpc_name, rpc in old_service.rpcs.items():
            now = service.rpcs.get(rpc_name)
            if now is None:
                yield RPC_REMOVED, service.line, f"`{name}.{rpc_name}` was removed."
            elif (_type_key(now.request), _type_key(now.response)) != (
                _type_key(rpc.request),
                _type_key(rpc.response),
            ):
                yield (
                    RPC_CHANGED,
                    now.line,
                    f"`{name}.{rpc_name}` was `({rpc.request}) returns ({rpc.response})`, "
                    f"now `({now.request}) returns ({now.response})`.",
                )


def _fields(scope: str, old: Message, new: Message) -> Iterator[tuple[str, int, str]]:
    by_number = {f.number: f for f in new.fields.values()}
    for name, field in old.fields.items():
        label = f"`{scope}.{name}`"
        now = new.fields.get(name)
        if now is not None:
            if now.number != field.number:
                detail = f"{label} moved from number {field.number} to {now.number}."
                yield NUMBER_CHANGED, now.line, detail
            elif _type_key(now.type) != _type_key(field.type):
                detail = f"{label} changed from `{field.type}` to `{now.type}`."
                yield TYPE_CHANGED, now.line, detail
            continue
        other = by_number.get(field.number)
        if other is not None:
            if _type_key(other.type) != _type_key(field.type):
                detail = (
                    f"Number {field.number} was {label} (`{field.type}`), now "
                    f"`{other.name}` (`{other.type}`)."
                )
                yield NUMBER_REUSED, other.line, detail
            continue  # same type under a new name: a rename, wire-compatible
        missing = []
        if not new.reserved.has_number(field.number):
            missing.append(f"`reserved {field.number};`")
        if name not in new.reserved.names:
            missing.append(f'`reserved "{name}";`')
        if missing:
            detail = (
                f"{label} (number {field.number}) was deleted; add {' and '.join(missing)} "
                f"to `{scope}`."
            )
            yield FIELD_DELETED, new.line, detail


def reserved_in_use(head: ProtoFile) -> Iterator[tuple[str, int, str]]:
    for name, message in head.messages.items():
        for field in message.fields.values():
            if message.reserved.has_number(field.number) or field.name in message.reserved.names:
                yield (
                    RESERVED_USED,
                    field.line,
                    f"`{name}.{field.name} = {field.number}` uses what `{name}` reserves for "
                    "a deleted field.",
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


_BASE = """syntax = "proto3";

message Order {
  int64 id = 1;
  string customer_email = 2;
  repeated string sku = 3;
}
"""

_HEAD = """syntax = "proto3";

message Order {
  int64 id = 1;
  repeated string sku = 3;
}
"""

RULE = Rule(
    id=RULE_ID,
    category=Category.API_DESIGN,
    severity=Severity.HIGH,
    title="Breaking change to the protobuf contract",
    rationale=(
        "Protobuf peers identify fields by number and type on the wire, not by name, and "
        "old clients and servers keep running during and long after a deploy. Deleting a "
        "field without `reserved` lets a later edit reuse its number, and old binaries "
        "then decode the new field as the old one (an email parsed as an address, an "
        "int64 parsed from a string's bytes) or fail with a parse error; changing a "
        "field's number or type does the same immediately; removing an enum value makes "
        "old senders' values unknown to new code; removing a message, service or RPC, or "
        "changing an RPC's request or response type, turns every call from existing "
        "clients into UNIMPLEMENTED or garbage. Stored protobuf (queues, caches, "
        "databases) is read back wrongly too."
    ),
    fix=(
        "Never change a field's number or type: add a new field with a fresh number and "
        "deprecate the old one (`[deprecated = true]`). When deleting a field or enum "
        'value, reserve both its number and name (`reserved 2; reserved "customer_email";`). '
        "Keep RPCs and messages until no client uses them, or publish a new package "
        "version (`acme.orders.v2`)."
    ),
    languages=("proto",),
    positive=(
        RuleCase(path="proto/orders.proto", code=_HEAD, base=_BASE, lines=(3,)),
        RuleCase(
            path="proto/orders.proto",
            code=_HEAD.replace("  int64 id = 1;\n", "  int64 id = 1;\n  reserved 2;\n").replace(
                "repeated string sku = 3;", "repeated string sku = 3;\n  string note = 2;"
            ),
            lines=(7,),
        ),
    ),
    negative=(
        RuleCase(path="proto/orders.proto", code=_BASE),
        RuleCase(
            path="proto/orders.proto",
            code=_HEAD.replace(
                "  int64 id = 1;\n",
                '  reserved 2;\n  reserved "customer_email";\n  int64 id = 1;\n',
            ),
            base=_BASE,
        ),
    ),
)

ProtoBreaking.rules = (RULE,)
CHECKS: list[Check] = [ProtoBreaking()]
