"""OpenAPI rules over real two-version changes: a unified diff between base and head,
with both contents attached, through the rule engine."""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, Finding
from bot.rules.engine import run_rules
from bot.rules.lib import openapi_diff as od
from bot.rules.lib.spec_findings import nearest_added
from bot.rules.openapi import (
    BREAKING,
    MISSING_OPERATION_ID,
    NO_PAGINATION,
    NO_SCHEMA,
    PATH_CASING,
    OpenApiBreaking,
)
from bot.select import select_backend

FIXTURES = Path(__file__).parent / "fixtures" / "rules" / "openapi"
ROOT = Path(__file__).resolve().parent.parent
BASE = (FIXTURES / "shop.yaml").read_text()


def changed(base: str | None, head: str, path: str = "api/openapi.yaml") -> ChangedFile:
    """The file as `bastion review --git` sees it: diff hunks plus both versions."""
    if base is None:
        file = added_file(path, head)
    else:
        text = "".join(
            difflib.unified_diff(
                base.splitlines(keepends=True),
                head.splitlines(keepends=True),
                f"a/{path}",
                f"b/{path}",
            )
        )
        [file] = parse_diff(f"diff --git a/{path} b/{path}\n{text}")
    kept, _ = select_backend([file])
    assert kept, "the spec must be selected as an API description"
    return kept[0].model_copy(update={"content": head, "base_content": base})


def findings(base: str | None, head: str, rule: str = BREAKING, **kw: str) -> list[Finding]:
    run = run_rules([changed(base, head, **kw)], only=[rule])
    assert not run.errors, run.errors
    return run.findings


def titles(found: list[Finding]) -> list[str]:
    """Every breaking change reported, including those grouped onto one line."""
    out = []
    for f in found:
        if "more breaking change" in f.title:
            out += [line[2:].split(" — ")[0] for line in f.body.splitlines() if line[:2] == "- "]
        else:
            out.append(f.title)
    return sorted(out)


def bump(text: str) -> str:
    """A release edits the version line: the only added line of a pure removal."""
    return text.replace("version: '1.0'", "version: '2.0'")


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_identical_and_additive_changes_are_not_breaking() -> None:
    assert findings(BASE, BASE + "\n") == []
    additive = BASE.replace(
        "  /orders/{orderId}:\n",
        "  /health:\n    get:\n      operationId: health\n      responses:\n"
        "        '204': {description: ok}\n  /orders/{orderId}:\n",
    ).replace(
        "        - {name: limit, in: query, schema: {type: integer}}\n",
        "        - {name: limit, in: query, schema: {type: integer}}\n"
        "        - {name: status, in: query, schema: {type: string}}\n",
    )
    assert findings(BASE, additive) == []


def test_removed_path_is_reported_at_the_nearest_added_line() -> None:
    head = BASE.replace("  /customers:\n", "  /clients:\n")
    found = findings(BASE, head)
    assert titles(found) == [od.REMOVED_PATH]
    # `paths:` is untouched, so the nearest added line carries it, with a note.
    assert found[0].line == line_of(head, "/clients:")
    assert "`/customers`" in found[0].body
    assert "nearest changed line" in found[0].body


def test_removed_operation_points_at_its_path_item() -> None:
    start = BASE.index("    delete:\n      operationId: cancelOrder")
    end = BASE.index("  /customers:")
    head = bump(BASE[:start] + BASE[end:])
    found = findings(BASE, head)
    assert titles(found) == [od.REMOVED_OPERATION]
    assert "`DELETE /orders/{orderId}`" in found[0].body
    # The path item line is untouched: the only added line (the version) carries it.
    assert found[0].line == line_of(head, "version: '2.0'")
    assert f"see line {line_of(head, '/orders/{orderId}:')}" in found[0].body


def test_pure_deletion_is_still_reported_for_the_summary() -> None:
    # A diff that only deletes has no added line: the finding stands at file level,
    # and anchoring later sends it to the review summary instead of inline.
    start = BASE.index("    delete:\n      operationId: cancelOrder")
    end = BASE.index("  /customers:")
    found = findings(BASE, BASE[:start] + BASE[end:])
    assert titles(found) == [od.REMOVED_OPERATION]
    assert "only removed lines" in found[0].body


def test_removal_at_an_added_parent_line_uses_that_line() -> None:
    start = BASE.index("    delete:\n      operationId: cancelOrder")
    end = BASE.index("  /customers:")
    head = (BASE[:start] + BASE[end:]).replace("  /orders/{orderId}:", "  /orders/{id}:")
    found = findings(BASE, head)
    assert titles(found) == [od.REMOVED_OPERATION]
    assert found[0].line == line_of(head, "/orders/{id}:")
    assert "nearest changed line" not in found[0].body


def test_removed_status_code_and_ref_resolved_property() -> None:
    head = bump(
        BASE.replace("        '404':\n          $ref: '#/components/responses/NotFound'\n", "")
    ).replace("        total: {type: number, format: double}\n", "")
    found = findings(BASE, head)
    # Both land on the one added line, grouped into one finding.
    assert len(found) == 1 and found[0].line == line_of(head, "version: '2.0'")
    assert titles(found) == sorted([od.REMOVED_STATUS, od.REMOVED_PROPERTY])
    assert "`total`" in found[0].body and "`404`" in found[0].body


def test_removed_property_is_reported_near_its_component() -> None:
    head = BASE.replace(
        "        total: {type: number, format: double}\n", "        amount: {type: string}\n"
    )
    found = findings(BASE, head)
    assert titles(found) == [od.REMOVED_PROPERTY]
    assert found[0].line == line_of(head, "amount:")
    assert "`total`" in found[0].body


def test_new_required_parameter_and_parameter_made_required() -> None:
    head = BASE.replace(
        "        - {name: limit, in: query, schema: {type: integer}}\n",
        "        - {name: limit, in: query, required: true, schema: {type: integer}}\n"
        "        - {name: X-Tenant, in: header, required: true, schema: {type: string}}\n",
    )
    found = findings(BASE, head)
    assert titles(found) == [od.NEW_REQUIRED_PARAM, od.NEW_REQUIRED_PARAM]
    bodies = " ".join(f.body for f in found)
    assert "`X-Tenant`" in bodies and "`limit` became required" in bodies
    assert {f.line for f in found} == {line_of(head, "limit"), line_of(head, "X-Tenant")}


def test_new_required_request_body_property_through_ref() -> None:
    head = BASE.replace("      required: [sku]\n", "      required: [sku, quantity]\n")
    found = findings(BASE, head)
    assert titles(found) == [od.NEW_REQUIRED_PROPERTY]
    assert "`quantity`" in found[0].body
    assert found[0].line == line_of(head, "required: [sku, quantity]")


def test_changed_type_and_format() -> None:
    head = BASE.replace(
        "        total: {type: number, format: double}\n",
        "        total: {type: string, format: decimal}\n",
    ).replace(
        "        quantity: {type: integer, format: int32}",
        "        quantity: {type: string, format: int32}",
    )
    found = findings(BASE, head)
    assert titles(found) == [od.CHANGED_TYPE, od.CHANGED_TYPE]
    assert {f.line for f in found} == {line_of(head, "total:"), line_of(head, "quantity:")}
    assert any("from `number` to `string`" in f.body for f in found)
    assert any("from `integer` to `string`" in f.body for f in found)
    assert any(
        "`request-body-type-changed`" in f.body or "`request-property-type-changed`" in f.body
        for f in found
    )


def test_widened_request_type_is_not_breaking() -> None:
    head = BASE.replace(
        "        quantity: {type: integer, format: int32}",
        "        quantity: {type: [integer, string], format: int32}",
    )
    assert findings(BASE, head) == []


def test_narrowed_request_enum() -> None:
    head = BASE.replace("enum: [open, shipped, cancelled]", "enum: [open, shipped]")
    found = findings(BASE, head)
    assert titles(found) == [od.NARROWED_ENUM]
    assert "`cancelled`" in found[0].body


def test_widened_request_enum_is_not_breaking() -> None:
    head = BASE.replace(
        "enum: [open, shipped, cancelled]", "enum: [open, shipped, cancelled, lost]"
    )
    assert findings(BASE, head) == []


def test_parameter_moved_between_locations() -> None:
    head = BASE.replace(
        "{name: limit, in: query, schema: {type: integer}}",
        "{name: limit, in: header, schema: {type: integer}}",
    )
    found = findings(BASE, head)
    assert titles(found) == [od.MOVED_PARAM]
    assert "from query to header" in found[0].body


def test_renamed_path_parameter_is_the_same_path() -> None:
    head = BASE.replace("{orderId}", "{id}").replace("name: orderId", "name: id")
    assert findings(BASE, head) == []


def test_swagger2_breaking_changes() -> None:
    base = (FIXTURES / "petstore-swagger2.json").read_text()
    doc = json.loads(base)
    doc["paths"]["/pets"]["get"]["parameters"][0]["type"] = "string"
    doc["paths"]["/pets"]["get"]["parameters"].append(
        {"name": "owner", "in": "query", "type": "string", "required": True}
    )
    del doc["definitions"]["Pet"]["properties"]["tag"]
    del doc["paths"]["/pets/{petId}"]
    head = json.dumps(doc, indent=2) + "\n"
    found = findings(base, head, path="api/swagger.json")
    assert titles(found) == sorted(
        [od.REMOVED_PATH, od.CHANGED_TYPE, od.NEW_REQUIRED_PARAM, od.REMOVED_PROPERTY]
    )
    changed_type = next(f for f in found if "from `integer` to `string`" in f.body)
    assert changed_type.line == line_of(head, '"type": "string"')


def test_swagger2_body_parameter_required_property() -> None:
    base = (FIXTURES / "petstore-swagger2.json").read_text()
    doc = json.loads(base)
    doc["definitions"]["NewPet"]["required"].append("tag")
    head = json.dumps(doc, indent=2) + "\n"
    found = findings(base, head, path="api/swagger.json")
    assert titles(found) == [od.NEW_REQUIRED_PROPERTY]
    assert "`tag`" in found[0].body


def test_cyclic_refs_terminate() -> None:
    base = (FIXTURES / "cyclic.yaml").read_text()
    head = base.replace("        name: {type: string}\n", "        label: {type: string}\n")
    found = findings(base, head)
    assert titles(found) == [od.REMOVED_PROPERTY]


def test_external_refs_are_ignored() -> None:
    base = BASE.replace(
        "$ref: '#/components/schemas/Order'", "$ref: 'common.yaml#/components/schemas/Order'"
    )
    head = base.replace("        total: {type: number, format: double}\n", "")
    assert findings(base, head) == []


def test_malformed_or_foreign_documents_are_skipped_quietly() -> None:
    broken = BASE.replace("paths:\n", "paths:\n  - [unclosed\n")
    for base, head in [(BASE, broken), (broken, BASE), (BASE, "just: text\n"), (BASE, "[1, 2]\n")]:
        for rule in (BREAKING, MISSING_OPERATION_ID, NO_SCHEMA, PATH_CASING, NO_PAGINATION):
            assert findings(base, head, rule=rule) == []


def test_alias_bombs_are_walked_once() -> None:
    bomb = "".join(f"  x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 9) + "]\n" for i in range(1, 12))
    head = BASE.replace("components:\n", "x-bomb:\n  x0: &x0 [lol]\n" + bomb + "components:\n")
    for rule in (BREAKING, MISSING_OPERATION_ID, NO_SCHEMA, PATH_CASING, NO_PAGINATION):
        assert findings(BASE, head, rule=rule) == []


def test_without_base_only_style_rules_run() -> None:
    head = BASE.replace("  /customers:\n", "  /clients:\n")
    file = changed(BASE, head).model_copy(update={"base_content": None})
    run = run_rules([file])
    assert not run.errors
    assert not [f for f in run.findings if f.rule == "api-breaking-change"]


def test_plain_diff_without_content_does_not_crash() -> None:
    head = BASE.replace("  /customers:\n", "  /customer_accounts:\n")
    file = changed(BASE, head).model_copy(update={"base_content": None, "content": None})
    run = run_rules([file])
    assert not run.errors


def test_nearest_added() -> None:
    assert nearest_added(5, frozenset({5, 9})) == 5
    assert nearest_added(6, frozenset({2, 9})) == 9
    assert nearest_added(7, frozenset({5, 9})) == 5  # a tie goes to the earlier line
    assert nearest_added(7, frozenset()) is None


# --- style ---------------------------------------------------------------------------

NEW_OP = """  /order-notes:
    get:
      responses:
        '200':
          description: notes
          content:
            application/json:
              schema: {type: array, items: {type: string}}
        '400':
          description: bad
  /order-items/{itemId}:
"""


def test_style_rules_flag_new_operations_only() -> None:
    head = BASE.replace(
        "  /orders/{orderId}:\n",
        NEW_OP.replace("  /order-items/{itemId}:\n", "") + "  /orders/{orderId}:\n",
    )
    get_line = line_of(head, "/order-notes:") + 1
    assert [f.line for f in findings(BASE, head, MISSING_OPERATION_ID)] == [get_line]
    assert [f.line for f in findings(BASE, head, NO_PAGINATION)] == [get_line]
    schema = findings(BASE, head, NO_SCHEMA)
    assert [f.line for f in schema] == [line_of(head, "'400':")]
    assert schema[0].title == "OpenAPI error response without a schema"
    # The existing `GET /customers` has no operationId either: not this change's business.
    assert "operationId" not in BASE.split("/customers:")[1].split("components:")[0]


def test_added_file_checks_every_operation() -> None:
    found = findings(None, BASE, MISSING_OPERATION_ID)
    assert [f.line for f in found] == [line_of(BASE, "/customers:") + 1]


def test_no_body_responses_are_not_flagged() -> None:
    head = BASE.replace(
        "  /orders/{orderId}:\n",
        "  /order-exports:\n    post:\n      operationId: exportOrders\n      responses:\n"
        "        '202': {description: queued}\n"
        "        '201':\n          description: made\n          headers:\n"
        "            Location: {schema: {type: string}}\n"
        "  /orders/{orderId}:\n",
    )
    assert findings(BASE, head, NO_SCHEMA) == []


def test_path_casing_against_house_style() -> None:
    head = BASE.replace(
        "  /orders/{orderId}:\n",
        "  /orderItems:\n    get:\n      operationId: x\n"
        "      responses: {'204': {description: ok}}\n  /orders/{orderId}:\n",
    )
    head = head.replace("/customers:", "/customer-accounts:").replace(
        "  /orders:", "  /order-lines:"
    )
    found = findings(None, head, PATH_CASING)
    assert [f.line for f in found] == [line_of(head, "/orderItems:")]
    assert "camelCase" in found[0].body and "kebab-case" in found[0].body


def test_paginated_or_item_gets_are_not_flagged() -> None:
    # `GET /orders` takes `limit`, `GET /customers` a `cursor`; the others are items.
    assert findings(None, BASE, NO_PAGINATION) == []


# --- end to end ------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, timeout=60)


def test_cli_git_range_reports_a_removed_operation(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "dev@example.com")
    _git(repo, "config", "user.name", "dev")
    (repo / "openapi.yaml").write_text(BASE)
    _git(repo, "add", "openapi.yaml")
    _git(repo, "commit", "-qm", "base")
    start = BASE.index("    delete:\n      operationId: cancelOrder")
    end = BASE.index("  /customers:")
    (repo / "openapi.yaml").write_text(bump(BASE[:start] + BASE[end:]))
    _git(repo, "commit", "-qam", "drop cancel")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC")}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "review", "--git", "HEAD~1..HEAD", "--repo", str(repo)]
        + ["--format", "json", "--no-llm"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    found = [f for f in result["findings"] if f["rule"] == "api-breaking-change"]
    assert [(f["path"], f["title"], f["severity"]) for f in found] == [
        ("openapi.yaml", od.REMOVED_OPERATION, "high")
    ]
    assert "`DELETE /orders/{orderId}`" in found[0]["body"]


def test_findings_name_the_check_the_json_path_and_who_breaks() -> None:
    head = BASE.replace("      required: [sku]\n", "      required: [sku, quantity]\n")
    [found] = findings(BASE, head)
    assert "(check `request-property-became-required`" in found.body
    assert "`#/paths/~1orders/post/requestBody/content/application~1json/properties/quantity`" in (
        found.body
    )
    assert "Breaks: existing requests without it are rejected." in found.body


def test_refs_to_other_files_resolve_through_the_callers_hook() -> None:
    common = (
        "components:\n  schemas:\n    Order:\n      type: object\n      properties:\n"
        "        id: {type: string}\n        total: {$ref: '#/components/schemas/Money'}\n"
        "    Money: {type: number}\n"
    )
    base = BASE.replace(
        "$ref: '#/components/schemas/Order'", "$ref: 'shared/common.yaml#/components/schemas/Order'"
    )
    files = {
        "base": common,
        "head": common.replace("Money: {type: number}", "Money: {type: string}"),
    }
    asked: list[str] = []

    def refs(file: ChangedFile, side: str) -> od.RefResolver:
        def resolve_ref(path: str) -> str | None:
            asked.append(path)
            return files[side] if path == "shared/common.yaml" else None

        return resolve_ref

    check = OpenApiBreaking(refs=refs)
    hits = list(check.check_file(changed(base, bump(base))))
    assert any("response-property-type-changed" in (h.detail or "") for h in hits)
    assert "shared/common.yaml" in asked
    # Without a hook the same refs are opaque: nothing to compare, nothing reported.
    assert list(OpenApiBreaking().check_file(changed(base, bump(base)))) == []


def test_openapi_31_json_document() -> None:
    base = json.dumps(
        {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/a": {
                    "get": {
                        "parameters": [
                            {"name": "q", "in": "query", "schema": {"type": ["string", "null"]}}
                        ],
                        "responses": {"200": {"description": "ok"}},
                    }
                }
            },
        },
        indent=2,
    )
    head = re.sub(r'"string",\s*"null"', '"string"', base)
    assert head != base
    found = findings(base, head, path="api/openapi.json")
    assert "request-parameter-became-not-nullable" in found[0].body
