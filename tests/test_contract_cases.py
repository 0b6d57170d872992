"""Every labelled API-contract pair (tests/fixtures/rules/{openapi,protobuf,graphql}/
cases.yaml) through the real pipeline: a breaking change is reported under its check
id, a safe change is not reported as breaking at all."""

from __future__ import annotations

import pytest
from contract_cases import (
    FAMILIES,
    Case,
    breaking_findings,
    load_cases,
    reports,
    review_case,
)

from bot.models import Severity

CASES = [case for family in FAMILIES for case in load_cases(family)]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.family}-{c.name}")
def test_case(case: Case) -> None:
    found = review_case(case)
    if case.breaking:
        assert reports(found, case.check), [f.body for f in found]
        # The finding says which check fired and who breaks.
        body = next(f.body for f in breaking_findings(found) if f"`{case.check}`" in f.body)
        assert "Breaks" in body
    else:
        assert breaking_findings(found) == [], [f.body for f in breaking_findings(found)]
    if case.info:
        notes = [f for f in found if f.severity is Severity.INFO]
        assert any(f"`{case.info}`" in f.body for f in notes)


def test_every_family_has_breaking_and_safe_cases() -> None:
    for family in FAMILIES:
        cases = load_cases(family)
        assert any(c.breaking for c in cases) and any(not c.breaking for c in cases)
