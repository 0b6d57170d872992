"""Every fixture file under tests/rules/ runs, and every (rule, language) pair has both
a positive and a negative one (or is on the visible list of gaps)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.rules.engine import RuleCase, registry, run_case
from bot.rules.fixture_files import Fixture, fixture_files, parse

ROOT = Path(__file__).parent / "rules"
GAPS = Path(__file__).parent / "rules-fixture-gaps.txt"


def _fixtures() -> list[tuple[str, Path]]:
    return fixture_files(ROOT)


@pytest.mark.parametrize(
    ("rule_id", "file"), _fixtures(), ids=lambda v: v if isinstance(v, str) else v.name
)
def test_fixture(rule_id: str, file: Path) -> None:
    fixture = parse(rule_id, file)
    case = RuleCase(
        path=fixture.path,
        code=fixture.code,
        lines=fixture.lines,
        base=fixture.base,
        repo=fixture.repo,
        changed=fixture.changed,
    )
    assert run_case(rule_id, case) == list(fixture.lines)


def _have() -> dict[tuple[str, str], set[bool]]:
    have: dict[tuple[str, str], set[bool]] = {}
    for rule_id, file in _fixtures():
        fixture: Fixture = parse(rule_id, file)
        have.setdefault((rule_id, fixture.language), set()).add(fixture.negative)
    return have


def _gaps() -> set[str]:
    rows = GAPS.read_text(encoding="utf-8").splitlines()
    return {row.split("#")[0].strip() for row in rows if row.split("#")[0].strip()}


def _missing() -> set[str]:
    have = _have()
    missing = set()
    for rule in registry().rules.values():
        for language in rule.languages or ("any",):
            kinds = have.get((rule.id, language), set())
            if language == "any":
                kinds = set().union(*(v for (r, _), v in have.items() if r == rule.id))
            for negative, label in ((False, "positive"), (True, "negative")):
                if negative not in kinds:
                    missing.add(f"{rule.id} {language} {label}")
    return missing


def test_every_rule_and_language_has_positive_and_negative_fixtures() -> None:
    missing, allowed = _missing(), _gaps()
    assert not missing - allowed, "add fixtures (bastion rules new) for: " + ", ".join(
        sorted(missing - allowed)
    )
    assert not allowed - missing, "no longer missing, take off the gap list: " + ", ".join(
        sorted(allowed - missing)
    )
