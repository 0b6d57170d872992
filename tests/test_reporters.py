"""The four reporters over one findings model: text, JSON, SARIF, Markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bot.models import (
    Category,
    Finding,
    ReviewResult,
    RuleError,
    Severity,
    SkippedFile,
    Source,
    Stats,
)
from bot.pipeline import review_diff
from bot.report import FORMATS, json_report, markdown, render, sarif, text
from bot.report.markdown import MAX_BODY_CHARS, sanitize
from bot.rules.engine import Rule, registry

FIXTURES = Path(__file__).parent / "fixtures"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

MIGRATION_DIFF = """\
diff --git a/db/migrations/0001_x.sql b/db/migrations/0001_x.sql
new file mode 100644
--- /dev/null
+++ b/db/migrations/0001_x.sql
@@ -0,0 +1,3 @@
+CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
+
+CREATE INDEX orders_customer_idx ON orders (customer_id);
diff --git a/web/App.tsx b/web/App.tsx
new file mode 100644
--- /dev/null
+++ b/web/App.tsx
@@ -0,0 +1 @@
+export const App = () => null;
"""

INDEX_RULE = Rule(
    id="pg-create-index-blocking",
    category=Category.INDEXING,
    severity=Severity.HIGH,
    title="CREATE INDEX without CONCURRENTLY locks writes",
    rationale="A plain CREATE INDEX blocks every write to the table while it builds.",
    fix="Use CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction.",
    languages=("sql",),
)


def finding(**changes: Any) -> Finding:
    base: dict[str, Any] = {
        "path": "app/api/orders.py",
        "line": 12,
        "end_line": 12,
        "category": Category.SECURITY,
        "severity": Severity.HIGH,
        "rule": "sql-injection",
        "title": "SQL built from request input",
        "body": "Query text comes from `customer_email`.\n\n**Fix:** bind parameters.",
        "suggestion": "cur.execute(sql, (email,))",
        "source": Source.RULES,
        "fingerprint": "a1b2c3d4e5f6a7b8c9d0",
        "sources": [Source.RULES],
    }
    return Finding(**(base | changes))


@pytest.fixture
def result() -> ReviewResult:
    findings = [
        finding(),
        finding(
            line=30,
            end_line=34,
            category=Category.API_DESIGN,
            severity=Severity.MEDIUM,
            rule="llm-unbounded-list",
            title="Endpoint returns an unbounded list",
            body="Paginate `GET /orders/searchOrders`.",
            suggestion=None,
            source=Source.LLM,
            sources=[Source.LLM],
            fingerprint="ffffeeeeddddccccbbbb",
        ),
        finding(
            path="db/migrations/0001_x.sql",
            line=3,
            end_line=3,
            category=Category.INDEXING,
            severity=Severity.MEDIUM,
            rule="pg-create-index-blocking",
            title="CREATE INDEX without CONCURRENTLY locks writes",
            body="A plain CREATE INDEX blocks writes.",
            suggestion="CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);",
            fingerprint="0123456789abcdef0123",
        ),
        finding(
            path="app/services/orders.py",
            line=80,
            end_line=80,
            severity=Severity.LOW,
            rule="py-weak-hash",
            title="MD5 used for a token",
            inline=False,
            anchor_note="line 80 of app/services/orders.py are not part of the diff",
            suggestion=None,
            fingerprint="9999888877776666aaaa",
        ),
    ]
    return ReviewResult(
        findings=findings,
        skipped=[
            SkippedFile(path="web/App.tsx", reason="frontend"),
            SkippedFile(path="README.md", reason="not backend"),
        ],
        stats=Stats(
            files_reviewed=4,
            lines_reviewed=120,
            duration_ms=85,
            files_skipped=2,
            engines=["rules", "llm"],
        ),
        notes=["AI review ran on 3 of 4 files."],
    )


@pytest.fixture(scope="module")
def pipeline_result() -> ReviewResult:
    """A result from the real pipeline; the CREATE INDEX finding is added by hand when
    no rule in this checkout reports it yet."""
    reviewed = review_diff(MIGRATION_DIFF)
    if any(f.path == "db/migrations/0001_x.sql" for f in reviewed.findings):
        return reviewed
    added = finding(
        path="db/migrations/0001_x.sql",
        line=3,
        end_line=3,
        category=Category.INDEXING,
        severity=Severity.HIGH,
        rule=INDEX_RULE.id,
        title=INDEX_RULE.title,
        body=INDEX_RULE.rationale,
        suggestion=None,
        fingerprint="feedfacefeedfacefeed",
    )
    return reviewed.model_copy(update={"findings": [*reviewed.findings, added]})


def all_rules() -> dict[str, Rule]:
    """The registry's rules, with the CREATE INDEX rule standing in until one exists."""
    return {INDEX_RULE.id: INDEX_RULE, **registry().rules}


# --- text ------------------------------------------------------------------------------


def test_text_groups_findings_by_file_with_path_line_severity_rule_title(
    result: ReviewResult,
) -> None:
    out = text.render(result)
    lines = out.splitlines()
    header = lines.index("app/api/orders.py (2 problems)")
    assert lines[header + 1].strip() == (
        "app/api/orders.py:12 high sql-injection SQL built from request input"
    )
    assert (
        "app/api/orders.py:30-34 medium llm-unbounded-list Endpoint returns an unbounded list"
        in out
    )
    assert "db/migrations/0001_x.sql (1 problem)" in lines
    # Files come out sorted, each finding under its own file.
    headers = [ln for ln in lines if ln.endswith(("finding)", "findings)"))]
    assert headers == sorted(headers)


def test_text_lists_not_inline_findings_with_their_note(result: ReviewResult) -> None:
    out = text.render(result)
    assert "(not inline: line 80 of app/services/orders.py are not part of the diff)" in out


def test_text_closing_count_line_skipped_and_notes(result: ReviewResult) -> None:
    lines = text.render(result).splitlines()
    assert lines[-1] == "4 problems (1 high, 2 medium, 1 low) in 4 files reviewed, 2 skipped"
    assert "Skipped 2 files: frontend (1), not backend (1)" in lines
    assert "note: AI review ran on 3 of 4 files." in lines


def test_text_with_no_findings_says_so() -> None:
    empty = ReviewResult(stats=Stats(files_reviewed=1))
    assert text.render(empty).splitlines()[-1] == "No problems found in 1 file reviewed"


def test_text_colour_only_when_asked(result: ReviewResult) -> None:
    assert not ANSI.search(text.render(result, color=False))
    coloured = text.render(result, color=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == text.render(result, color=False)


def test_text_drops_escape_sequences_from_finding_text() -> None:
    hostile = ReviewResult(findings=[finding(title="evil \x1b[2J\x1b]0;pwned\x07 title")])
    assert "\x1b" not in text.render(hostile)


def test_text_body_excerpt_is_the_first_paragraph(result: ReviewResult) -> None:
    assert "      Query text comes from `customer_email`." in text.render(result).splitlines()
    assert "Query text" not in text.render(result, body=False)


# --- JSON ------------------------------------------------------------------------------

FINDING_TYPES: dict[str, type | tuple[type, ...]] = {
    "path": str,
    "line": int,
    "end_line": int,
    "category": str,
    "severity": str,
    "rule": str,
    "title": str,
    "body": str,
    "suggestion": (str, type(None)),
    "source": str,
    "fingerprint": str,
}
STATS_TYPES = {"files_reviewed": int, "lines_reviewed": int, "duration_ms": int}


def test_json_has_the_spec_shape(result: ReviewResult) -> None:
    data = json.loads(json_report.render(result))
    assert data["schema_version"] == 1
    assert {"schema_version", "findings", "skipped", "stats"} <= data.keys()
    assert list(data)[:4] == ["schema_version", "findings", "skipped", "stats"]
    assert len(data["findings"]) == 4
    for item in data["findings"]:
        assert list(item)[: len(FINDING_TYPES)] == list(FINDING_TYPES)
        for key, kind in FINDING_TYPES.items():
            assert isinstance(item[key], kind), key
        assert item["category"] in {"security", "indexing", "api-design"}
        assert item["severity"] in {"high", "medium", "low", "info"}
        assert item["source"] in {"rules", "llm"}
    first = data["findings"][0]
    assert (first["category"], first["severity"], first["source"]) == ("security", "high", "rules")
    assert data["findings"][1]["suggestion"] is None
    assert data["skipped"] == [
        {"path": "web/App.tsx", "reason": "frontend"},
        {"path": "README.md", "reason": "not backend"},
    ]
    for key, kind in STATS_TYPES.items():
        assert isinstance(data["stats"][key], kind)
    assert data["stats"]["files_reviewed"] == 4


def test_json_is_deterministic_with_two_space_indent(result: ReviewResult) -> None:
    out = json_report.render(result)
    assert out == json_report.render(result.model_copy(deep=True))
    assert out.startswith('{\n  "schema_version": 1,\n  "findings": [\n    {\n      "path"')


def test_json_of_a_pipeline_result(pipeline_result: ReviewResult) -> None:
    data = json.loads(render(pipeline_result, "json"))
    paths = {f["path"] for f in data["findings"]}
    assert "db/migrations/0001_x.sql" in paths
    assert data["skipped"][0]["path"] == "web/App.tsx"
    assert data["stats"]["files_reviewed"] == 1


# --- SARIF -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def test_sarif_validates_against_the_official_schema(
    result: ReviewResult, sarif_validator: jsonschema.protocols.Validator
) -> None:
    log = json.loads(sarif.render(result, all_rules()))
    errors = [e.message for e in sarif_validator.iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0" and log["$schema"]


def test_sarif_results_carry_locations_levels_and_fingerprints(result: ReviewResult) -> None:
    run = json.loads(sarif.render(result, all_rules()))["runs"][0]
    by_rule = {r["ruleId"]: r for r in run["results"]}
    sqli = by_rule["sql-injection"]
    assert sqli["level"] == "error"
    assert sqli["partialFingerprints"] == {"bastion/v1": "a1b2c3d4e5f6a7b8c9d0"}
    assert sqli["message"]["text"].startswith("SQL built from request input\n\nQuery text")
    physical = by_rule["llm-unbounded-list"]["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "app/api/orders.py", "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {"startLine": 30, "endLine": 34}
    assert by_rule["llm-unbounded-list"]["level"] == "warning"
    assert by_rule["py-weak-hash"]["level"] == "note"
    rules = run["tool"]["driver"]["rules"]
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]


def test_sarif_driver_rules_from_registry_and_synthesized(result: ReviewResult) -> None:
    driver = json.loads(sarif.render(result, {INDEX_RULE.id: INDEX_RULE}))["runs"][0]["tool"][
        "driver"
    ]
    assert driver["name"] == "bastion"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", driver["version"])
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {
        "sql-injection",
        "llm-unbounded-list",
        "pg-create-index-blocking",
        "py-weak-hash",
    }
    index_rule = rules["pg-create-index-blocking"]
    # From the registry: its own severity (high) even though this finding was medium.
    assert index_rule["defaultConfiguration"]["level"] == "error"
    assert index_rule["shortDescription"]["text"] == INDEX_RULE.title
    assert "CONCURRENTLY" in index_rule["help"]["text"]
    assert "blocks every write" in index_rule["fullDescription"]["text"]
    assert index_rule["properties"]["tags"] == ["indexing"]
    llm_rule = rules["llm-unbounded-list"]
    assert llm_rule["defaultConfiguration"]["level"] == "warning"
    assert llm_rule["shortDescription"]["text"] == "Endpoint returns an unbounded list"
    assert llm_rule["properties"]["tags"] == ["api-design"]
    assert rules["py-weak-hash"]["defaultConfiguration"]["level"] == "note"
    assert "security" in rules["sql-injection"]["properties"]["tags"]


def test_sarif_truncates_above_the_result_limit(
    result: ReviewResult, sarif_validator: jsonschema.protocols.Validator
) -> None:
    log = json.loads(sarif.render(result, max_results=2))
    run = log["runs"][0]
    assert len(run["results"]) == 2
    assert {r["level"] for r in run["results"]} == {"error", "warning"}  # the worst kept
    assert run["properties"]["truncated"] is True
    assert run["properties"]["totalResults"] == 4
    assert not list(sarif_validator.iter_errors(log))


def test_sarif_escapes_odd_paths_and_reports_tool_troubles(
    sarif_validator: jsonschema.protocols.Validator,
) -> None:
    odd = ReviewResult(
        findings=[finding(path="src/my app/#1 ü.py")],
        stats=Stats(rule_errors=[RuleError(rule="ruff", path="a.py", error="boom")]),
        notes=["AI review did not run: no API key."],
    )
    log = json.loads(sarif.render(odd))
    run = log["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "src/my%20app/%231%20%C3%BC.py"
    texts = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert texts == ["AI review did not run: no API key.", "ruff failed on a.py: boom"]
    assert not list(sarif_validator.iter_errors(log))


def test_sarif_of_a_pipeline_result_is_valid(
    pipeline_result: ReviewResult, sarif_validator: jsonschema.protocols.Validator
) -> None:
    log = json.loads(render(pipeline_result, "sarif", rules=all_rules()))
    assert not list(sarif_validator.iter_errors(log))
    rule_ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    results = log["runs"][0]["results"]
    assert any(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "db/migrations/0001_x.sql"
        for r in results
    )
    assert sorted({r["ruleId"] for r in results}) == rule_ids


# --- Markdown --------------------------------------------------------------------------


def table_rows(out: str, header_start: str) -> list[list[str]]:
    """Cells of the GitHub table whose header starts with `header_start`."""
    lines = out.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(header_start))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
        rows.append([c.strip() for c in cells])
    return rows


def test_markdown_has_heading_counts_and_category_by_severity_table(
    result: ReviewResult,
) -> None:
    out = markdown.render(result)
    assert out.startswith("## Bastion review\n")
    assert "4 problems (1 high, 2 medium, 1 low) in 4 files reviewed, 2 skipped" in out
    counts = {row[0]: row[1:] for row in table_rows(out, "| Category | high")}
    assert counts == {
        "security": ["1", "·", "1", "·", "2"],
        "indexing": ["·", "1", "·", "·", "1"],
        "api-design": ["·", "1", "·", "·", "1"],
    }
    assert "**Engines:** rule engine (3 found), AI review (1 found)" in out


def test_markdown_review_body_lists_only_findings_not_inline(result: ReviewResult) -> None:
    out = markdown.render(result)
    rows = table_rows(out, "| Severity")
    assert [r[2] for r in rows] == ["`py-weak-hash`"]
    assert rows[0][1] == "`app/services/orders.py:80`"
    assert rows[0][4] == "rule `py-weak-hash`"
    assert rows[0][5] == "line 80 of app/services/orders.py are not part of the diff"
    assert "3 problems are inline comments on the diff." in out
    assert "<details><summary>Explanations</summary>" in out


def test_markdown_lists_every_finding_when_asked(result: ReviewResult) -> None:
    rows = table_rows(markdown.render(result, include_inline=True), "| Severity")
    assert [r[0] for r in rows] == ["high", "medium", "medium", "low"]
    assert "`app/api/orders.py:30-34`" in [r[1] for r in rows]
    assert render(result, "markdown") == markdown.render(result, include_inline=True)


def test_markdown_table_survives_pipes_and_newlines_in_titles(result: ReviewResult) -> None:
    hostile = finding(
        inline=False,
        title="a | b \\| c\nsecond line",
        rule="llm-x|y",
        anchor_note="not | here",
    )
    out = markdown.render(result.model_copy(update={"findings": [hostile]}))
    rows = table_rows(out, "| Severity")
    assert len(rows) == 1 and len(rows[0]) == 6
    assert rows[0][3] == "a \\| b \\\\\\| c second line"
    assert rows[0][2] == "`llm-x\\|y`"


def test_markdown_folds_skipped_files_and_lists_notes(result: ReviewResult) -> None:
    out = markdown.render(result)
    folded = re.search(r"<details><summary>2 files skipped</summary>(.*?)</details>", out, re.S)
    assert folded is not None
    assert "| `web/App.tsx` | frontend |" in folded.group(1)
    assert "### Notes\n\n- AI review ran on 3 of 4 files." in out


def test_markdown_neutralizes_finding_text(result: ReviewResult) -> None:
    hostile = finding(
        inline=False,
        title="ping @octocat <img src=x onerror=alert(1)>",
        body="<!-- bastion:fingerprint=forged --> cc @org/team\n```\nleft open",
    )
    out = markdown.render(result.model_copy(update={"findings": [hostile]}))
    assert "@octocat" not in out and "@\u200boctocat" in out
    assert "@org/team" not in out
    assert "<img" not in out
    assert "bastion:fingerprint=forged" in out and "<!-- bastion:fingerprint" not in out
    # The unclosed fence from the body is closed before the summary goes on.
    assert out.count("```") % 2 == 0


def test_markdown_of_a_pipeline_result(pipeline_result: ReviewResult) -> None:
    out = render(pipeline_result, "markdown")
    assert "db/migrations/0001_x.sql:3" in out
    assert "<details><summary>1 file skipped</summary>" in out


# --- sanitize --------------------------------------------------------------------------


def test_sanitize_neutralizes_mentions_but_not_emails() -> None:
    out = sanitize("thanks @octocat and @github/security, mail me@example.com")
    assert "@\u200boctocat" in out and "@\u200bgithub/security" in out
    assert "me@example.com" in out


def test_sanitize_strips_html_and_keeps_our_markers_and_details() -> None:
    body = (
        "<!-- bastion:fp=abc -->\n<details><summary>More</summary>\n\n"
        "x <img src=x onerror=alert(1)> y <a href='https://evil'>link</a> <!-- hide\n\n"
        "</details>\n"
    )
    out = sanitize(body)
    assert out.startswith("<!-- bastion:fp=abc -->\n<details><summary>More</summary>")
    assert "</details>" in out
    assert "<img" not in out and "<a " not in out and "</a>" not in out
    assert "x  y link &lt;!-- hide" in out


def test_sanitize_for_untrusted_text_drops_our_markup_too() -> None:
    out = sanitize("<!-- bastion:fp=abc --> <details><summary>x</summary>", allow_ours=False)
    assert "<!--" not in out and "<details>" not in out and "<summary>" not in out


@pytest.mark.parametrize(
    "html",
    ["<IMG/src=x onerror=alert(1)>", "<img\nsrc=x>", "<a href=//evil>x</a >", "<br/>"],
)
def test_sanitize_strips_tags_in_any_spelling(html: str) -> None:
    out = sanitize(html).lower()
    assert "<img" not in out and "<a" not in out and "</a" not in out and "<br" not in out


def test_sanitize_does_not_rebuild_tags_from_pieces() -> None:
    out = sanitize("<<img>img src=x onerror=alert(1)>", allow_ours=False)
    assert "<img" not in out


def test_sanitize_keeps_fenced_code_and_generics_intact() -> None:
    suggestion = "```suggestion\n@app.get('/x')\ndef f() -> List<String>: ...\n```\n"
    assert sanitize(suggestion) == suggestion
    assert sanitize("returns `Map<String, Object>`") == "returns `Map<String, Object>`"


def test_sanitize_does_not_trust_a_fence_inside_an_html_block() -> None:
    out = sanitize("<div>\n```\n@octocat\n```\n")
    assert "@octocat" not in out


def test_sanitize_caps_length_below_githubs_limit() -> None:
    huge = "<details><summary>s</summary>\n\n" + "word @x\n" * 20_000
    out = sanitize(huge)
    assert len(out) <= MAX_BODY_CHARS < 65_536
    assert out.rstrip().endswith("comment._")
    assert out.count("<details>") == out.count("</details>")
    assert len(sanitize("y" * 100, limit=50)) <= 50


# --- dispatcher ------------------------------------------------------------------------


def test_render_dispatches_every_format(result: ReviewResult) -> None:
    assert render(result, "text") == text.render(result)
    assert ANSI.search(render(result, "text", color=True))
    assert render(result, "json") == json_report.render(result)
    assert render(result, "sarif") == sarif.render(result)
    assert set(FORMATS) == {"text", "json", "sarif", "markdown"}
    with pytest.raises(ValueError, match="unknown report format 'xml'"):
        render(result, "xml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_handles_an_empty_result(fmt: str) -> None:
    out = render(ReviewResult(), fmt)
    assert out.endswith("\n")


def test_markdown_of_a_huge_result_stays_within_one_comment() -> None:
    many = [
        finding(line=n, end_line=n, inline=False, anchor_note="outside the diff", body="b " * 500)
        for n in range(1, 401)
    ]
    out = markdown.render(ReviewResult(findings=many))
    assert len(out) <= MAX_BODY_CHARS
    assert "| … | | | and 100 more | |" in out
    assert out.count("<details>") == out.count("</details>")


def test_text_keeps_one_line_per_finding_whatever_the_title() -> None:
    out = text.render(ReviewResult(findings=[finding(title="first\nsecond\r\nthird")]))
    assert "  app/api/orders.py:12 high sql-injection first second third" in out.splitlines()


def test_sanitize_sees_lines_as_markdown_does() -> None:
    # U+2028 is no line break to Markdown, so this "fence" is paragraph text.
    out = sanitize("x\u2028```\n@octocat\n```\n")
    assert "@octocat" not in out


def test_a_comment_hides_the_flow_engines_machine_lines_but_keeps_its_prose() -> None:
    from bot.models import Category, Finding, Severity, Source
    from bot.report.markdown import comment_text

    body = (
        "Rationale.\n\n**Flow:** `q` from `request.args` (line 3) reaches `execute` (line 5).\n\n"
        "Flow: CWE-89 sink line 5; source lines 3.\n\nFlow from: app/api.py line 9.\n\n"
        "**Fix:** bind it."
    )
    finding = Finding(
        path="app/db.py",
        line=5,
        end_line=5,
        category=Category.SECURITY,
        severity=Severity.HIGH,
        rule="sql-injection",
        title="SQL injection",
        body=body,
        source=Source.RULES,
    )
    text = comment_text(finding)
    assert "**Flow:** `q` from `request.args`" in text and "**Fix:** bind it." in text
    assert "CWE-89 sink line" not in text and "Flow from:" not in text
