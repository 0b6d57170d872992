"""The rule engine framework and the pipeline around it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.config import RepoConfig, RulesConfig, parse_config
from bot.diff import added_file, parse_diff
from bot.models import Category, ChangedFile, Finding, Severity, Source
from bot.pipeline import review_files
from bot.rules.engine import (
    Check,
    Hit,
    Registry,
    Rule,
    RuleCase,
    registry,
    run_rules,
    suppressed,
)


def _rule(rule_id: str, severity: Severity = Severity.HIGH) -> Rule:
    return Rule(
        id=rule_id,
        category=Category.SECURITY,
        severity=severity,
        title=f"{rule_id} title",
        rationale="Why it matters.",
        fix="What to do.",
        languages=("python",),
        positive=(RuleCase(path="app/x.py", code="bad()\n", lines=(1,)),),
        negative=(RuleCase(path="app/x.py", code="good()\n"),),
    )


class LineCheck(Check):
    """Flags every line that contains `bad(`; a plain test check."""

    name = "line-check"
    rules = (_rule("test-bad-call"),)
    languages = frozenset({"python"})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        for number, text in enumerate(file.visible_text().split("\n"), 1):
            if "bad(" in text:
                yield Hit(rule="test-bad-call", path=file.path, line=number)


class BrokenCheck(Check):
    name = "broken-check"
    rules = (_rule("test-broken"),)

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        raise RuntimeError(f"cannot handle {file.path}")


class BatchBrokenCheck(Check):
    name = "batch-broken"
    rules = (_rule("test-batch-broken"),)
    batch = True

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        raise OSError("analyzer binary missing")


def _registry(*checks: Check) -> Registry:
    reg = Registry()
    for check in checks:
        reg.add(check)
    return reg


def _backend(file: ChangedFile) -> ChangedFile:
    from bot.select import select_backend

    kept, _ = select_backend([file])
    return kept[0]


def test_only_added_lines_are_reported() -> None:
    diff = "--- a/app/x.py\n+++ b/app/x.py\n@@ -1,2 +1,3 @@\n bad(1)\n+bad(2)\n ok()\n"
    file = _backend(parse_diff(diff)[0])
    run = run_rules([file], reg=_registry(LineCheck()))
    assert [f.line for f in run.findings] == [2]


def test_a_raising_check_is_recorded_and_the_others_still_run() -> None:
    file = _backend(added_file("app/x.py", "bad()\n"))
    run = run_rules([file], reg=_registry(BrokenCheck(), BatchBrokenCheck(), LineCheck()))
    assert [f.rule for f in run.findings] == ["test-bad-call"]
    errors = {(e.rule, e.path) for e in run.errors}
    assert ("broken-check", "app/x.py") in errors
    assert ("batch-broken", "app/x.py") in errors
    assert any("cannot handle app/x.py" in e.error for e in run.errors)


def test_config_disable_and_severity_override() -> None:
    file = _backend(added_file("app/x.py", "bad()\n"))
    reg = _registry(LineCheck())
    assert not run_rules([file], RulesConfig(disable=["test-bad-call"]), reg=reg).findings
    [finding] = run_rules(
        [file], RulesConfig(severity={"test-bad-call": Severity.LOW}), reg=reg
    ).findings
    assert finding.severity is Severity.LOW


def test_inline_suppression_on_the_line_or_the_line_above() -> None:
    code = (
        "bad()  # bastion: ignore[test-bad-call]\n"
        "# bastion: ignore[test-bad-call]\n"
        "bad()\n"
        "bad()  # bastion: ignore[other-rule]\n"
        "bad()  // bastion: ignore\n"
    )
    file = _backend(added_file("app/x.py", code))
    run = run_rules([file], reg=_registry(LineCheck()))
    assert [f.line for f in run.findings] == [4]
    assert suppressed(file, 1, "test-bad-call")


def test_finding_body_has_rationale_and_fix() -> None:
    file = _backend(added_file("app/x.py", "bad()\n"))
    [finding] = run_rules([file], reg=_registry(LineCheck())).findings
    assert "Why it matters." in finding.body and "**Fix:** What to do." in finding.body
    assert finding.source is Source.RULES and finding.category is Category.SECURITY


def _finding(
    line: int, source: Source, body: str, category: Category = Category.SECURITY
) -> Finding:
    return Finding(
        path="app/x.py",
        line=line,
        end_line=line,
        category=category,
        severity=Severity.MEDIUM if source is Source.LLM else Severity.HIGH,
        rule="sql-injection" if source is Source.RULES else "llm-security",
        title="t",
        body=body,
        source=source,
        sources=[source],
    )


def test_pipeline_filters_categories_and_places_low_severity_in_summary() -> None:
    diff = "--- a/app/x.py\n+++ b/app/x.py\n@@ -0,0 +1 @@\n+x = 1\n"
    config = parse_config("min_severity: high\ncategories: [indexing]\n")
    result = review_files(parse_diff(diff), config)
    assert result.findings == []
    assert result.stats.files_reviewed == 1 and result.stats.lines_reviewed == 1
    assert result.stats.engines == ["rules"]


def test_pipeline_says_when_the_ai_review_did_not_run() -> None:
    diff = "--- a/app/x.py\n+++ b/app/x.py\n@@ -0,0 +1 @@\n+x = 1\n"
    result = review_files(parse_diff(diff), RepoConfig(), agent_off_reason="no ANTHROPIC_API_KEY")
    assert result.notes == ["AI review did not run: no ANTHROPIC_API_KEY."]


def test_suppression_works_in_each_languages_comment_syntax() -> None:
    """The marker is found in any comment style: `--` SQL, `#` Ruby, `//` JS, `/* */`."""
    cases = [
        (
            "db/migrations/0001_x.sql",
            "CREATE INDEX i ON t (a);{c}\n",
            "pg-create-index-blocking",
            " -- bastion: ignore[pg-create-index-blocking]",
        ),
        (
            "db/migrate/20240101000000_x.rb",
            "class X < ActiveRecord::Migration[7.1]\n  def change\n"
            "    add_index :t, :a{c}\n  end\nend\n",
            "rails-add-index-blocking",
            "  # bastion: ignore[rails-add-index-blocking]",
        ),
        (
            "server/db.js",
            "app.get('/x', (req, res) => {\n"
            "  db.query(`SELECT * FROM t WHERE id = ${req.query.id}`);{c}\n});\n",
            "sql-injection",
            " /* bastion: ignore[sql-injection] */",
        ),
    ]
    for path, template, rule, comment in cases:
        plain = run_rules([_backend(added_file(path, template.replace("{c}", "")))], only=[rule])
        assert [f.rule for f in plain.findings] == [registry().canonical(rule)], path
        quiet = run_rules(
            [_backend(added_file(path, template.replace("{c}", comment)))], only=[rule]
        )
        assert quiet.findings == [], path


class RaisingReviewer:
    """An agent with a bug: it raises something no API error handler expects."""

    def review(
        self, files: Sequence[ChangedFile], hints: Sequence[Finding], config: RepoConfig
    ) -> object:
        raise KeyError("content")


def test_an_agent_that_raises_anything_leaves_the_rule_findings() -> None:
    diff = "--- a/db/migrations/0001_x.sql\n+++ b/db/migrations/0001_x.sql\n@@ -0,0 +1 @@\n"
    diff += "+CREATE INDEX i ON t (a);\n"
    result = review_files(parse_diff(diff), RepoConfig(), agent=RaisingReviewer())  # type: ignore[arg-type]
    assert [f.rule for f in result.findings] == ["index-build-blocking"]
    assert result.stats.engines == ["rules"]
    assert result.notes == ["AI review failed (KeyError: 'content'); rule findings only."]


def test_a_rule_engine_that_fails_is_a_note_and_the_review_goes_on() -> None:
    def broken_runner(
        files: Sequence[ChangedFile], config: RulesConfig, *, extra_checks: object = ()
    ) -> object:
        raise MemoryError

    diff = "--- a/app/x.py\n+++ b/app/x.py\n@@ -0,0 +1 @@\n+x = 1\n"
    result = review_files(parse_diff(diff), RepoConfig(), rule_runner=broken_runner)  # type: ignore[arg-type]
    assert result.findings == []
    assert [(e.rule, e.error) for e in result.stats.rule_errors] == [("rule engine", "MemoryError")]
    assert any("rule engine on all files (MemoryError)" in note for note in result.notes)


def test_findings_past_the_cap_per_rule_and_file_are_counted_not_listed() -> None:
    from bot.diff import added_file
    from bot.pipeline import review_files
    from bot.rules.engine import MAX_FINDINGS_PER_RULE_AND_FILE

    calls = MAX_FINDINGS_PER_RULE_AND_FILE + 30
    text = "import requests\n\n\ndef sync(url):\n" + "".join(
        f"    requests.get(url + '/{n}')\n" for n in range(calls)
    )
    result = review_files([added_file("app/sync.py", text)])
    lines = sorted(f.line for f in result.findings if f.rule == "http-request-no-timeout")
    assert lines == list(range(5, 5 + MAX_FINDINGS_PER_RULE_AND_FILE))  # the first ones
    assert any(
        "`http-request-no-timeout`: 30 more findings in `app/sync.py`" in n for n in result.notes
    )


def test_a_per_file_check_stops_reading_a_file_at_its_hit_limit() -> None:
    """A crafted settings file of thousands of passwords: the secret check is not asked
    for more hits past the limit, and the summary says the rest was not examined."""
    from bot.diff import added_file
    from bot.pipeline import review_files
    from bot.rules.engine import MAX_FINDINGS_PER_RULE_AND_FILE, MAX_HITS_PER_CHECK_AND_FILE

    count = MAX_HITS_PER_CHECK_AND_FILE + 50
    text = "class Settings:\n" + "".join(
        f'    DB_PASSWORD_{i} = "k{i:06d}Zq9xTw2pLm"\n' for i in range(count)
    )
    result = review_files([added_file("app/settings.py", text)])
    # (the hundred listed are one problem in the summary: the same rule, line after line)
    assert [f.line for f in result.findings if f.rule == "secret-literal"][:1] == [2]
    left_out = MAX_HITS_PER_CHECK_AND_FILE - MAX_FINDINGS_PER_RULE_AND_FILE
    assert any(f"`secret-literal`: {left_out} more findings" in n for n in result.notes)
    assert any(
        f"The `secrets` check stopped reading `app/settings.py` after {MAX_HITS_PER_CHECK_AND_FILE}"
        in n
        for n in result.notes
    )
