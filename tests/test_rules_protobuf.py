"""`proto-breaking-change` over real two-version changes, and the parser it rests on."""

from __future__ import annotations

import difflib
from pathlib import Path

from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, Finding
from bot.rules import protobuf as pb
from bot.rules.engine import run_rules
from bot.rules.lib.proto_parse import parse
from bot.select import select_backend

BASE = (Path(__file__).parent / "fixtures" / "rules" / "protobuf" / "orders.proto").read_text()
PATH = "proto/acme/orders/v1/orders.proto"


def changed(base: str | None, head: str) -> ChangedFile:
    if base is None:
        file = added_file(PATH, head)
    else:
        text = "".join(
            difflib.unified_diff(
                base.splitlines(keepends=True),
                head.splitlines(keepends=True),
                f"a/{PATH}",
                f"b/{PATH}",
            )
        )
        [file] = parse_diff(f"diff --git a/{PATH} b/{PATH}\n{text}")
    kept, _ = select_backend([file])
    assert kept
    return kept[0].model_copy(update={"content": head, "base_content": base})


def findings(base: str | None, head: str) -> list[Finding]:
    run = run_rules([changed(base, head)], only=[pb.RULE_ID])
    assert not run.errors, run.errors
    return run.findings


def titles(found: list[Finding]) -> list[str]:
    out = []
    for f in found:
        if "more breaking change" in f.title:
            out += [line[2:].split(" — ")[0] for line in f.body.splitlines() if line[:2] == "- "]
        else:
            out.append(f.title)
    return sorted(out)


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def bump(text: str) -> str:
    """An edit elsewhere in the file, so a pure removal still has an added line."""
    return text.replace("// An order as the storefront sees it.", "// An order (v1.1).")


def test_parser_reads_the_contract() -> None:
    proto = parse(BASE)
    assert proto is not None
    order = proto.messages["Order"]
    assert order.line == line_of(BASE, "message Order {")
    fields = {name: (f.number, f.type) for name, f in order.fields.items()}
    assert fields == {
        "id": (1, "int64"),
        "customer_email": (2, "string"),
        "items": (3, "repeated LineItem"),
        "labels": (4, "map<string,string>"),
        "created_at": (5, "google.protobuf.Timestamp"),
        "card_token": (6, "string"),
        "invoice_ref": (7, "string"),
        "status": (8, "Status"),
    }
    assert order.reserved.has_number(9) and order.reserved.names == {"legacy_id"}
    assert set(proto.messages) >= {"Order.LineItem", "GetOrderRequest", "ListOrdersResponse"}
    assert proto.enums["Order.Status"].values["STATUS_SHIPPED"][0] == 2
    rpcs = proto.services["Orders"].rpcs
    assert set(rpcs) == {"GetOrder", "ListOrders", "WatchOrders"}
    assert rpcs["WatchOrders"].response == "stream Order"


def test_parser_ranges_and_max() -> None:
    proto = parse("message M { reserved 2, 5 to 7, 100 to max; int32 a = 1; }")
    assert proto is not None
    reserved = proto.messages["M"].reserved
    assert [n for n in (2, 5, 6, 7, 100, 10**6) if reserved.has_number(n)] == [
        2,
        5,
        6,
        7,
        100,
        10**6,
    ]
    assert not reserved.has_number(3)


def test_unchanged_and_additive_are_not_breaking() -> None:
    assert findings(BASE, BASE + "\n") == []
    head = BASE.replace(
        "  Status status = 8;\n", "  Status status = 8;\n  string note = 10;\n"
    ).replace("    STATUS_SHIPPED = 2;\n", "    STATUS_SHIPPED = 2;\n    STATUS_LOST = 3;\n")
    assert findings(BASE, head) == []


def test_field_deleted_without_reserved() -> None:
    head = bump(BASE.replace("  string customer_email = 2;\n", ""))
    found = findings(BASE, head)
    assert titles(found) == [pb.FIELD_DELETED]
    assert "`reserved 2;`" in found[0].body and '`reserved "customer_email";`' in found[0].body
    # The message line is untouched: the nearest added line (the comment above it) carries it.
    assert found[0].line == line_of(head, "// An order (v1.1).")


def test_field_deleted_with_reserved_is_fine() -> None:
    head = (
        BASE.replace("  string customer_email = 2;\n", "")
        .replace("  reserved 9;\n", "  reserved 2, 9;\n")
        .replace('  reserved "legacy_id";', '  reserved "legacy_id", "customer_email";')
    )
    assert findings(BASE, head) == []


def test_field_deleted_with_only_number_reserved_asks_for_the_name() -> None:
    head = BASE.replace("  string customer_email = 2;\n", "").replace(
        "  reserved 9;\n", "  reserved 2, 9;\n"
    )
    found = findings(BASE, head)
    assert titles(found) == [pb.FIELD_DELETED]
    assert '`reserved "customer_email";`' in found[0].body
    assert "`reserved 2;`" not in found[0].body


def test_field_number_changed() -> None:
    head = BASE.replace("  string customer_email = 2;", "  string customer_email = 12;")
    found = findings(BASE, head)
    assert titles(found) == [pb.NUMBER_CHANGED]
    assert found[0].line == line_of(head, "customer_email = 12")


def test_field_number_reused_for_a_different_field() -> None:
    head = BASE.replace("  string customer_email = 2;", "  int64 customer_id = 2;")
    found = findings(BASE, head)
    assert titles(found) == [pb.NUMBER_REUSED]
    assert found[0].line == line_of(head, "customer_id = 2")


def test_rename_breaks_json_clients_but_not_a_json_name_preserving_one() -> None:
    head = BASE.replace("  string customer_email = 2;", "  string buyer_email = 2;")
    found = findings(BASE, head)
    assert titles(found) == [pb.FIELD_RENAMED]
    assert "FIELD_SAME_JSON_NAME" in found[0].body and "wire-JSON class" in found[0].body
    head = BASE.replace(
        "  string customer_email = 2;",
        '  string buyer_email = 2 [json_name = "customerEmail"];',
    )
    found = findings(BASE, head)
    assert titles(found) == [pb.FIELD_RENAMED]
    assert "FIELD_SAME_NAME" in found[0].body and "source class" in found[0].body


def test_field_type_changed_including_label_and_map() -> None:
    head = BASE.replace("  int64 id = 1;", "  string id = 1;").replace(
        "  map<string, string> labels = 4;", "  map<string, int64> labels = 4;"
    )
    found = findings(BASE, head)
    assert titles(found) == [pb.TYPE_CHANGED, pb.TYPE_CHANGED]
    assert {f.line for f in found} == {line_of(head, "string id = 1"), line_of(head, "labels")}
    head = BASE.replace("    int32 quantity = 2;", "    repeated int32 quantity = 2;")
    found = findings(BASE, head)
    assert titles(found) == [pb.CARDINALITY_CHANGED]
    assert "FIELD_WIRE_COMPATIBLE_CARDINALITY" in found[0].body


def test_qualified_type_name_is_the_same_type() -> None:
    head = BASE.replace("  Status status = 8;", "  acme.orders.v1.Order.Status status = 8;")
    assert findings(BASE, head) == []


def test_reserved_number_or_name_in_use_needs_no_base() -> None:
    head = BASE.replace("  Status status = 8;", "  Status status = 8;\n  string legacy_id = 9;")
    found = findings(None, head)
    assert titles(found) == [pb.RESERVED_USED]
    assert found[0].line == line_of(head, "legacy_id = 9")


def test_rpc_removed_and_signature_changed() -> None:
    head = bump(
        BASE.replace("  rpc WatchOrders(GetOrderRequest) returns (stream Order);\n", "").replace(
            "rpc GetOrder(GetOrderRequest) returns (Order);",
            "rpc GetOrder(GetOrderRequest) returns (ListOrdersResponse);",
        )
    )
    found = findings(BASE, head)
    assert titles(found) == sorted([pb.RPC_REMOVED, pb.RPC_CHANGED])
    changed_rpc = next(f for f in found if "GetOrder`" in f.body)
    assert changed_rpc.line == line_of(head, "rpc GetOrder(")


def test_message_and_enum_value_removed() -> None:
    start = BASE.index("message ListOrdersResponse")
    end = BASE.index("service Orders")
    head = (BASE[:start] + BASE[end:]).replace(
        "    STATUS_SHIPPED = 2;\n", "    STATUS_DELIVERED = 3;\n"
    )
    found = findings(BASE, head)
    assert titles(found) == sorted([pb.MESSAGE_REMOVED, pb.ENUM_VALUE_REMOVED])
    enum_finding = next(f for f in found if "STATUS_SHIPPED" in f.body)
    assert enum_finding.line == line_of(head, "STATUS_DELIVERED")


def test_enum_value_removed_with_reserved_is_fine() -> None:
    head = BASE.replace(
        "    STATUS_SHIPPED = 2;\n", '    reserved 2;\n    reserved "STATUS_SHIPPED";\n'
    )
    assert findings(BASE, head) == []
    head = BASE.replace("    STATUS_SHIPPED = 2;\n", "    reserved 2;\n")
    found = findings(BASE, head)
    assert titles(found) == [pb.ENUM_VALUE_REMOVED]
    assert "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED" in found[0].body


def test_nested_message_removed_points_at_its_parent() -> None:
    start = BASE.index("  message LineItem {")
    end = BASE.index("  enum Status {")
    head = (BASE[:start] + BASE[end:]).replace(
        "message Order {", "message Order { // line items moved"
    )
    found = findings(BASE, head)
    assert titles(found) == [pb.MESSAGE_REMOVED]
    assert found[0].line == line_of(head, "message Order {")


def test_broken_files_do_not_crash() -> None:
    broken = BASE[: BASE.index("  oneof payment")] + "  oneof payment {\n    string = ;\n"
    for base, head in [(BASE, broken), (broken, BASE), ("", BASE), (BASE, "}}}{{{;;; = 3")]:
        run = run_rules([changed(base, head)], only=[pb.RULE_ID])
        assert not run.errors
    assert parse("message { int32 = ; } enum E { A = ; } service S { rpc ( ) ; }") is not None


def test_new_file_without_base_is_never_breaking() -> None:
    assert findings(None, BASE) == []


def test_deep_nesting_is_parsed_and_compared_without_recursion() -> None:
    # Thousands of nested messages used to exhaust recursion and silently skip the rule.
    depth = 1500  # beyond Python's default recursion limit (1000)
    opens = "".join(f"message M{i} {{\n  string f{i} = 1;\n" for i in range(depth))
    base = 'syntax = "proto3";\n' + opens + "}\n" * depth
    proto = parse(base)
    assert proto is not None and len(proto.messages) == depth
    deepest = ".".join(f"M{i}" for i in range(depth))
    assert proto.messages[deepest].fields["f1499"].number == 1
    head = base.replace("  string f1499 = 1;\n", "  int64 f1499 = 1;\n")
    found = findings(base, head)
    assert titles(found) == [pb.TYPE_CHANGED]
