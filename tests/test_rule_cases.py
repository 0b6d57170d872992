"""Every rule's own fixtures: positive cases flag exactly their lines, negative cases nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.rules.engine import RuleCase, registry, run_case
from bot.rules.fixture_files import fixture_files


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
    # A rule that lives only in the catalogue (an ast-grep rule, or one a check takes
    # with `catalog_rules`) has its cases as files under tests/rules, which
    # tests/test_rule_fixtures.py holds to the same standard.
    with_files = {rule_id for rule_id, _ in fixture_files(Path(__file__).parent / "rules")}
    for rule in registry().rules.values():
        if rule.id in with_files and not rule.positive and not rule.negative:
            continue
        assert rule.positive, f"{rule.id} has no positive case"
        assert rule.negative, f"{rule.id} has no negative case"
