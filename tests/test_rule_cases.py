"""Every rule's own fixtures: positive cases flag exactly their lines, negative cases nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.rules.engine import RuleCase, registry, run_case
from bot.rules.fixture_files import fixture_files, parse

FIXTURES = Path(__file__).parent / "rules"


def _cases() -> list[tuple[str, str, RuleCase]]:
    out = []
    for rule in registry().rules.values():
        out += [(rule.id, f"pos{i}-{c.path}", c) for i, c in enumerate(rule.positive)]
        out += [(rule.id, f"neg{i}-{c.path}", c) for i, c in enumerate(rule.negative)]
    return out


@pytest.mark.parametrize(("rule_id", "label", "case"), _cases(), ids=lambda v: str(v)[:60])
def test_rule_fixture(rule_id: str, label: str, case: RuleCase) -> None:
    assert run_case(rule_id, case) == sorted(case.lines)


def test_every_rule_has_positive_and_negative_cases() -> None:
    # A rule whose data is all in the catalogue keeps its cases as fixture files only.
    files = {(rule_id, parse(rule_id, file).negative) for rule_id, file in fixture_files(FIXTURES)}
    for rule in registry().rules.values():
        assert rule.positive or (rule.id, False) in files, f"{rule.id} has no positive case"
        assert rule.negative or (rule.id, True) in files, f"{rule.id} has no negative case"
