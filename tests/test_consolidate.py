"""One problem, one finding: problem keys, merging, fingerprints across engines and pushes."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from bot.anchor import with_fingerprints
from bot.consolidate import (
    already_posted,
    consolidate,
    consolidate_findings,
    problem_class,
    problem_key,
)
from bot.diff import parse_diff
from bot.models import Category, ChangedFile, FileKind, Finding, Severity, Source
from bot.report.markdown import comment_text

sys.path.insert(0, str(Path(__file__).parent))
from anthropic_fake import pr_diff  # noqa: E402

SERVICE = """import db


def search_orders(request):
    email = request.args["email"]
    status = request.args["status"]
    sql = (
        f"SELECT * FROM orders WHERE email = '{email}' "
        f"AND status = '{status}'"
    )
    cursor = db.cursor()
    cursor.execute(sql)
    for order in cursor.fetchall():
        order.items = db.query("SELECT * FROM items WHERE order_id = %s", order.id)
    return cursor.fetchall()


def other(request):
    cursor = db.cursor()
    cursor.execute(f"SELECT * FROM t WHERE id = {request.args['id']}")
"""
MIGRATION = """CREATE TABLE t (id int);
CREATE INDEX t_id ON t
    (id);
"""


def _files(service: str = SERVICE) -> dict[str, ChangedFile]:
    files = parse_diff(pr_diff({"svc/orders.py": (None, service), "db/001.sql": (None, MIGRATION)}))
    out = {}
    for f in files:
        sql = f.path.endswith(".sql")
        kind = FileKind.MIGRATION if sql else FileKind.CODE
        language = "sql" if sql else "python"
        out[f.path] = f.model_copy(update={"kind": kind, "language": language})
    return out


def _f(
    line: int,
    end: int | None = None,
    *,
    rule: str = "py-sql-injection",
    source: Source = Source.RULES,
    title: str = "SQL built from strings",
    body: str = "Interpolated SQL.",
    category: Category = Category.SECURITY,
    severity: Severity = Severity.HIGH,
    path: str = "svc/orders.py",
    **extra: object,
) -> Finding:
    return Finding(
        path=path,
        line=line,
        end_line=end or line,
        category=category,
        severity=severity,
        rule=rule,
        title=title,
        body=body,
        source=source,
        sources=[source],
        **extra,  # type: ignore[arg-type]
    )


def _agent(line: int, end: int | None = None, **kw: object) -> Finding:
    kw.setdefault("rule", "llm-security")
    kw.setdefault("title", "Order search runs SQL built from input")
    kw.setdefault("body", "The email reaches the query unescaped; bind it as a parameter.")
    kw.setdefault("severity", Severity.MEDIUM)
    return _f(line, end, source=Source.LLM, **kw)  # type: ignore[arg-type]


def test_one_sql_injection_from_two_rule_hits_and_the_agent_is_one_finding() -> None:
    files = _files()
    string = _f(8, 9)
    execute = _f(12, title="SQL executed from a formatted string")
    agent = _agent(8, 12, cwe=89)
    [one] = [f for f in consolidate_findings([string, execute], [agent], files)]
    assert one.line == 12  # the sink: where the query runs
    assert set(one.sources) == {Source.RULES, Source.LLM}
    assert one.severity is Severity.HIGH
    assert {(p.rule, p.title) for p in one.also} == {
        ("py-sql-injection", "SQL built from strings"),
        ("llm-security", "Order search runs SQL built from input"),
    }
    text = comment_text(one)
    assert "rule `py-sql-injection` · AI review" in text
    assert "Spans lines 8–12" in text
    assert "bind it as a parameter" in text


def test_different_problems_on_one_line_stay_two_findings() -> None:
    files = _files()
    rule = _f(
        14,
        rule="filter-on-unindexed-column",
        category=Category.INDEXING,
        title="Filter on unindexed column",
        body="order_id has no index.",
    )
    agent = _agent(
        14,
        category=Category.INDEXING,
        title="N+1: one query per order",
        body="Each loop iteration queries items; load them in one query.",
    )
    out = consolidate_findings([rule], [agent], files)
    assert len(out) == 2
    assert {f.title for f in out} == {"Filter on unindexed column", "N+1: one query per order"}
    assert len({f.fingerprint for f in out}) == 2


def test_same_class_in_another_function_is_another_problem() -> None:
    files = _files()
    out = consolidate_findings([_f(8, 9), _f(20)], [], files)
    assert len(out) == 2


def test_an_agent_finding_of_no_known_class_is_not_fused_with_a_rule() -> None:
    files = _files()
    agent = _agent(12, title="Cursor is never closed", body="Leaks a connection per request.")
    out = consolidate_findings([_f(12)], [agent], files)
    assert len(out) == 2


def test_migration_findings_merge_per_statement() -> None:
    files = _files()
    rule = _f(
        2,
        path="db/001.sql",
        rule="index-build-blocking",
        category=Category.INDEXING,
        title="CREATE INDEX without CONCURRENTLY",
    )
    agent = _agent(
        3,
        path="db/001.sql",
        category=Category.INDEXING,
        title="Index built without CONCURRENTLY locks writes",
        cites="index-build-blocking",
    )
    [one] = consolidate_findings([rule], [agent], files)
    assert one.line == 2 and one.rule == "index-build-blocking"
    assert [p.source for p in one.also] == [Source.LLM]


def test_the_suggestion_is_kept_only_for_the_anchored_lines() -> None:
    files = _files()
    string = _f(8, 9, suggestion="    sql = 'SELECT ...'\n")
    execute = _f(12, title="executed")
    [one] = consolidate_findings([string, execute], [], files)
    assert one.line == 12 and one.suggestion is None
    same_lines = _agent(12, suggestion="    cursor.execute(sql, (email,))\n", cwe=89)
    [two] = consolidate_findings([execute], [same_lines], files)
    assert two.suggestion == "    cursor.execute(sql, (email,))\n"


def test_long_agent_text_folds_into_details() -> None:
    files = _files()
    long_body = "The query is built from request input and run as is. " * 20
    [one] = consolidate_findings([_f(12)], [_agent(12, body=long_body, cwe=89)], files)
    text = comment_text(one)
    assert "<details><summary>Also reported by AI review" in text
    assert long_body.strip()[:80] in text


def test_problem_fingerprint_ignores_engine_and_line_numbers() -> None:
    files = _files()
    [by_rule] = consolidate_findings([_f(12)], [], files)
    [by_agent] = consolidate_findings([], [_agent(12, cwe=89)], files)
    assert by_rule.fingerprint == by_agent.fingerprint
    moved = _files("# a new header line\n" + SERVICE)
    [after_push] = consolidate_findings([], [_agent(13, cwe=89)], moved)
    assert after_push.fingerprint == by_rule.fingerprint


def test_a_fingerprint_from_before_problem_keys_is_still_recognised() -> None:
    files = _files()
    [old] = with_fingerprints([_f(12)], files)  # what an older Bastion put in its marker
    [new] = consolidate_findings([_f(12)], [], files)
    assert new.fingerprint != old.fingerprint
    assert already_posted(new, {old.fingerprint})
    assert not already_posted(new, {"0" * 20})


def test_agent_class_comes_from_cited_rule_cwe_or_title() -> None:
    assert problem_class(_agent(1, cites="js-sql-injection")).name == "sql-injection"  # type: ignore[union-attr]
    assert problem_class(_agent(1, cwe=918)).name == "ssrf"  # type: ignore[union-attr]
    assert problem_class(_agent(1, title="SQL injection in search")).name == "sql-injection"  # type: ignore[union-attr]
    assert problem_class(_agent(1, title="Something else entirely")) is None
    # A rule's own id decides, never words in its title.
    assert problem_class(_f(1, rule="select-star", title="SQL injection")) is None


def test_problem_key_names_class_file_and_region() -> None:
    files = _files()
    key = problem_key(_f(9), files["svc/orders.py"])
    assert key.split("\x1f") == [
        "security",
        "sql-injection",
        "svc/orders.py",
        "def:def search_orders(request):",
    ]


# ---------------------------------------------------------------- nothing is lost

_RULES = ["py-sql-injection", "select-star", "filter-on-unindexed-column", "py-weak-hash"]
_TITLES = ["SQL injection", "N+1 query", "Select star", "Weak hash", "Cursor leak"]


def _random_findings(rng: random.Random) -> list[Finding]:
    items = []
    for _ in range(rng.randint(0, 8)):
        line = rng.randint(1, 21)
        agent = rng.random() < 0.5
        items.append(
            _f(
                line,
                line + rng.randint(0, 2),
                rule="llm-security" if agent else rng.choice(_RULES),
                source=Source.LLM if agent else Source.RULES,
                title=rng.choice(_TITLES),
                body=rng.choice(["a", "b", "a longer body"]),
                category=rng.choice(list(Category)),
                cwe=rng.choice([None, 89, 1073]),
            )
        )
    return items


@pytest.mark.parametrize("seed", range(200))
def test_every_rule_id_and_title_survives_merging(seed: int) -> None:
    """Property: the (rule id, title) pairs before merging are the ones visible after,
    in the data and in the rendered comment, for random sets of reports."""
    findings = _random_findings(random.Random(seed))
    files = _files()
    before = {(f.rule, f.title) for f in findings}
    merged = consolidate(findings, files)
    after = {(f.rule, f.title) for f in merged} | {
        (p.rule, p.title) for f in merged for p in f.also
    }
    assert after == before
    for finding in merged:
        text = comment_text(finding)
        for part in [finding, *finding.also]:
            assert part.title in text and part.rule in text
    assert len({f.problem for f in merged}) == len(merged)
