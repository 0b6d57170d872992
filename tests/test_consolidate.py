"""One problem, one finding: problem keys, merging, fingerprints across engines and pushes."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from bot.anchor import with_fingerprints
from bot.config import RepoConfig
from bot.consolidate import (
    already_posted,
    consolidate,
    consolidate_findings,
    problem_class,
    problem_key,
)
from bot.diff import added_file, parse_diff
from bot.models import Category, ChangedFile, FileKind, Finding, Severity, Source
from bot.pipeline import review_files
from bot.report.markdown import comment_text
from bot.rules.taint.api import parse_flow_line
from bot.select import select_backend

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
    rule: str = "sql-injection",
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
        ("sql-injection", "SQL built from strings"),
        ("llm-security", "Order search runs SQL built from input"),
    }
    text = comment_text(one)
    assert "rule `sql-injection` · AI review" in text
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
    assert problem_class(_agent(1, cites="sql-injection")).name == "sql-injection"  # type: ignore[union-attr]
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

_RULES = ["sql-injection", "select-star", "filter-on-unindexed-column", "py-weak-hash"]
_TITLES = ["SQL injection", "N+1 query", "Select star", "Weak hash", "Cursor leak"]


def _flow_body(rng: random.Random, sink: int) -> str:
    sources = sorted({rng.randint(1, sink) for _ in range(rng.randint(1, 3))})
    cwe = rng.choice([89, 22, 78])
    return f"a\n\nFlow: CWE-{cwe} sink line {sink}; source lines {', '.join(map(str, sources))}."


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
                body=rng.choice(["a", "b", "a longer body", _flow_body(rng, line)]),
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


# ---------------------------------------------------------------- flows as regions

TWO_FLOWS = """from flask import Flask, request

app = Flask(__name__)


@app.get("/files")
def files():
    name = request.args["name"]
    first = open("/srv/data/" + name).read()
    other = request.args["other"]
    second = open("/srv/data/" + other).read()
    return first + second
"""


def _flow_files(text: str = TWO_FLOWS) -> dict[str, ChangedFile]:
    [file] = parse_diff(pr_diff({"app/views.py": (None, text)}))
    return {file.path: file.model_copy(update={"kind": FileKind.CODE, "language": "python"})}


def _flow_findings(text: str = TWO_FLOWS) -> list[Finding]:
    """What the flow engine itself reports for the file: findings ending in a Flow line."""
    review = review_files([added_file("app/views.py", text)], RepoConfig(llm=False))
    found = [f for f in review.findings if f.rule == "path-traversal"]
    assert all(parse_flow_line(f.body) is not None for f in found)
    return found


def test_two_flows_in_one_function_stay_two_findings() -> None:
    files = _flow_files()
    flows = _flow_findings()
    assert [f.line for f in flows] == [9, 11]
    out = consolidate_findings(flows, [], files)
    assert sorted(f.line for f in out) == [9, 11]
    assert len({f.fingerprint for f in out}) == 2
    # The same two reports without their flow lines fall back to the function.
    bare = [f.model_copy(update={"body": f.body.split("Flow:")[0]}) for f in flows]
    assert len(consolidate_findings(bare, [], files)) == 1


def test_the_agent_at_a_flows_sink_joins_that_flow_only() -> None:
    files = _flow_files()
    flows = _flow_findings()
    agent = _agent(
        11,
        path="app/views.py",
        title="User-chosen file name opened",
        body="`other` is joined to the data folder unchecked.",
        cwe=22,
    )
    out = consolidate_findings(flows, [agent], files)
    assert len(out) == 2
    [joined] = [f for f in out if f.also]
    assert joined.line == 11 and joined.rule == "path-traversal"
    assert [(p.source, p.title) for p in joined.also] == [
        (Source.LLM, "User-chosen file name opened")
    ]
    assert set(joined.sources) == {Source.RULES, Source.LLM}


def test_a_report_inside_a_flow_joins_it_and_one_outside_every_flow_does_not() -> None:
    files = _flow_files()
    flows = _flow_findings()
    at_source = _agent(8, path="app/views.py", title="Path traversal via name", cwe=22)
    outside = _agent(12, path="app/views.py", title="Path traversal in the return", cwe=22)
    out = consolidate_findings(flows, [at_source, outside], files)
    by_line = {f.line: f for f in out}
    assert sorted(by_line) == [9, 11, 12]
    assert [p.title for p in by_line[9].also] == ["Path traversal via name"]
    assert not by_line[11].also and not by_line[12].also


def test_a_flow_keeps_its_fingerprint_when_lines_above_move() -> None:
    files = _flow_files()
    first = {f.line: f.fingerprint for f in consolidate_findings(_flow_findings(), [], files)}
    moved_text = "# header\n# another\n" + TWO_FLOWS
    moved = consolidate_findings(_flow_findings(moved_text), [], _flow_files(moved_text))
    assert {f.line: f.fingerprint for f in moved} == {n + 2: fp for n, fp in first.items()}


def test_the_flow_line_gives_a_class_to_a_rule_id_no_class_names() -> None:
    body = "Input reaches a query.\n\nFlow: CWE-89 sink line 12; source lines 5."
    flowing = _f(12, rule="py-raw-query-flow", body=body)
    assert problem_class(flowing).name == "sql-injection"  # type: ignore[union-attr]
    # and joins the agent's report on the same sink, while a report in another
    # function (no flow line, line 20) stays apart
    files = _files()
    out = consolidate_findings([flowing, _f(20)], [_agent(8, 12, cwe=89)], files)
    assert len(out) == 2
    [joined] = [f for f in out if f.line == 12]
    assert [p.source for p in joined.also] == [Source.LLM]


def test_nosql_words_are_not_sql_injection() -> None:
    assert problem_class(_agent(1, title="NoSQL injection in login")).name == "nosql-injection"  # type: ignore[union-attr]


# ---------------------------------------------------------------- one column, one problem

MODEL = """from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    topic_id = Column(Integer, ForeignKey("topics.id"))
    author_id = Column(Integer, ForeignKey("users.id"))


class Draft(Base):
    __tablename__ = "drafts"
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("users.id"))
"""


def test_unindexed_foreign_keys_stay_one_finding_per_column() -> None:
    """Two columns of one model, and the same column line in two models (flaskbb has
    `last_post_id` in two), are separate indexes to add."""
    review = review_files([added_file("app/models.py", MODEL)], RepoConfig(llm=False))
    assert sorted((f.rule, f.line) for f in review.findings) == [
        ("foreign-key-not-indexed", 10),
        ("foreign-key-not-indexed", 11),
        ("foreign-key-not-indexed", 17),
    ]
    assert all(not f.also for f in review.findings)


def test_two_rules_on_one_unindexed_filter_are_one_finding() -> None:
    files = _files()
    filters = _f(
        14,
        rule="filter-on-unindexed-column",
        category=Category.INDEXING,
        title="Query filters or sorts on `order_id`, added without an index",
    )
    schema = _f(
        14,
        rule="query-on-unindexed-column",
        category=Category.INDEXING,
        title="`items` queried on order_id without an index",
    )
    elsewhere = _f(
        15,
        rule="filter-on-unindexed-column",
        category=Category.INDEXING,
        title="Query filters or sorts on `status`, added without an index",
    )
    out = consolidate_findings([filters, schema, elsewhere], [], files)
    assert sorted((f.line, len(f.also)) for f in out) == [(14, 1), (15, 0)]


# A Rails action that builds an ERB template from a request parameter and renders it as
# HTML: the template-injection flow's sink is also where the XSS rule fires.
_ERB_FROM_INPUT = """class SignaturesController < ApplicationController
  def preview
    body = ERB.new(params[:signature]).result(binding).html_safe
    render html: body
  end

  def greeting
    @name = params[:name]
    render html: "<p>Hello #{@name}</p>".html_safe
  end
end
"""


def test_an_erb_template_built_from_input_and_rendered_as_html_gets_one_comment() -> None:
    path = "app/controllers/signatures_controller.rb"
    findings = review_files([added_file(path, _ERB_FROM_INPUT)]).findings
    on_template = [f for f in findings if f.line == 3]
    # One problem on the template line: the injection, with the XSS report kept with it.
    assert [f.rule for f in on_template] == ["template-injection"]
    assert "reflected-xss" in {p.rule for p in on_template[0].also}
    # An XSS elsewhere (no template built from input) stays its own comment.
    assert [f.rule for f in findings if f.line == 9] == ["reflected-xss"]


def test_an_xss_comment_posted_before_it_joined_the_template_injection_is_not_posted_again() -> (
    None
):
    path = "app/controllers/signatures_controller.rb"
    (file,), _ = select_backend([added_file(path, _ERB_FROM_INPUT)])
    findings = review_files([file]).findings
    (joined,) = [f for f in findings if f.line == 3]
    # Before, the page's two XSS reports (the template line, the render a line later)
    # were one comment of their own.
    xss = next(p for p in joined.also if p.rule == "reflected-xss")
    alone = Finding(
        rule=xss.rule,
        category=Category.SECURITY,
        severity=xss.severity,
        path=path,
        line=xss.line,
        end_line=xss.end_line,
        title=xss.title,
        body=xss.body,
        source=xss.source,
    )
    (posted,) = consolidate([alone], {path: file})
    assert already_posted(joined, {posted.fingerprint})


FLASK_LLM = """import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/ask", methods=["POST"])
def ask():
    base = request.json["base_url"]
    if request.json.get("provider") == "ollama":
        return requests.post(base + "/api/chat", json={}, timeout=5).text
    if request.json.get("provider") == "openai":
        return requests.post(base + "/chat/completions", json={}, timeout=5).text
    return requests.post(base + "/v1/complete", json={}, timeout=5).text


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    return requests.post(url, timeout=5).text
"""


def test_one_input_reaching_one_call_in_several_places_is_one_comment() -> None:
    """The base URL a user posts reaches `requests.post` in each provider's branch: one
    fix where it enters, so one comment naming the other places; each other place is a
    summary line pointing to it. Another input to the same call keeps its own comment."""
    found = [
        f for f in review_files([added_file("app/llm.py", FLASK_LLM)]).findings if f.rule == "ssrf"
    ]
    assert [(f.line, f.severity) for f in found] == [
        (11, Severity.HIGH),
        (13, Severity.INFO),
        (14, Severity.INFO),
        (20, Severity.HIGH),
    ]
    assert "again on lines 13 and 14 of this file" in found[0].body
    assert "on line 11, where the comment is" in found[1].body
    assert "again on" not in found[3].body
