"""Running rules the way a review does, for the rule tests: on a file a change adds
whole, and on a real unified diff (only what the diff shows, no full content)."""

from __future__ import annotations

import difflib
from pathlib import Path

from bot.diff import added_file, parse_diff
from bot.models import ChangedFile, Finding
from bot.rules.engine import RuleCase, registry, run_rules
from bot.rules.fixture_files import parse
from bot.rules.loader import builtin_catalog
from bot.select import select_backend


def selected(files: list[ChangedFile]) -> list[ChangedFile]:
    kept, skipped = select_backend(files)
    assert not skipped, skipped
    return kept


def run_rule(files: list[ChangedFile], rule: str) -> list[Finding]:
    """One rule's findings, in line order; a check that raised fails the test."""
    run = run_rules(selected(files), only=[rule])
    assert not run.errors, run.errors
    return sorted(
        (f for f in run.findings if f.rule == registry().canonical(rule)), key=lambda f: f.line
    )


def unified_diff(path: str, old: str | None, new: str, *, context: int = 3) -> str:
    """A git-style diff from `old` (None: a new file) to `new`."""
    before = "" if old is None else old
    body = "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            new.splitlines(keepends=True),
            "/dev/null" if old is None else f"a/{path}",
            f"b/{path}",
            n=context,
        )
    )
    header = f"diff --git a/{path} b/{path}\n"
    if old is None:
        header += "new file mode 100644\n"
    return header + body


def review_new(path: str, code: str, rule: str) -> list[Finding]:
    return run_rule([added_file(path, code)], rule)


def review_change(
    path: str, old: str | None, new: str, rule: str, *, context: int = 3
) -> list[Finding]:
    files = parse_diff(unified_diff(path, old, new, context=context))
    assert files and files[0].content is None
    return run_rule(files, rule)


def flagged(findings: list[Finding]) -> list[int]:
    return sorted(f.line for f in findings)


FIXTURES = Path(__file__).parent / "rules"


def fixture_cases(rule_id: str) -> tuple[list[RuleCase], list[RuleCase]]:
    """A rule's fixture files (`tests/rules/<id>/`, an old id's under the id it merged
    into) as cases, in file-name order: (positive, negative)."""
    folder = FIXTURES / builtin_catalog().canonical(rule_id)
    positive: list[RuleCase] = []
    negative: list[RuleCase] = []
    for file in sorted(folder.iterdir()):
        if not file.is_file() or ".base." in file.name or ".repo." in file.name:
            continue
        fixture = parse(folder.name, file)
        case = RuleCase(
            path=fixture.path,
            code=fixture.code,
            lines=fixture.lines,
            base=fixture.base,
            repo=fixture.repo,
            changed=fixture.changed,
        )
        (negative if fixture.negative else positive).append(case)
    return positive, negative


def fixture_case(rule_id: str, name: str) -> RuleCase:
    """One fixture file of a rule, by file name (`python-2.py`)."""
    fixture = parse(
        builtin_catalog().canonical(rule_id), FIXTURES / builtin_catalog().canonical(rule_id) / name
    )
    return RuleCase(
        path=fixture.path,
        code=fixture.code,
        lines=fixture.lines,
        base=fixture.base,
        repo=fixture.repo,
        changed=fixture.changed,
    )
