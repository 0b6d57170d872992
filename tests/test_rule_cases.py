"""Every rule's own fixtures: positive cases flag exactly their lines, negative cases nothing."""

from __future__ import annotations

import pytest

from bot.rules.engine import RuleCase, registry, run_case


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
    for rule in registry().rules.values():
        assert rule.positive, f"{rule.id} has no positive case"
        assert rule.negative, f"{rule.id} has no negative case"
