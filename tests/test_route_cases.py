"""Every labelled route-code change (tests/fixtures/routes/contract/cases.yaml) through the
real pipeline: a breaking change is reported under its check id, a safe one not at all;
and every route-design case (tests/fixtures/routes/design/cases.yaml) flags exactly its
lines."""

from __future__ import annotations

import pytest
from route_cases import (
    Case,
    DesignCase,
    contract_findings,
    load_contract_cases,
    load_design_cases,
    reports,
    review_case,
    review_design,
)

CONTRACT = load_contract_cases()
DESIGN = load_design_cases()
FRAMEWORKS = {"fastapi", "flask", "drf", "express", "nest", "spring", "gin", "rails", "laravel"}


@pytest.mark.parametrize("case", CONTRACT, ids=lambda c: f"{c.framework}-{c.check}-{c.name}")
def test_contract_case(case: Case) -> None:
    found = review_case(case)
    if case.breaking:
        assert reports(found, case.check), [f.body for f in contract_findings(found)]
        body = next(f.body for f in contract_findings(found) if f"`{case.check}`" in f.body)
        assert "Breaks:" in body
    else:
        assert contract_findings(found) == [], [f.title for f in contract_findings(found)]


@pytest.mark.parametrize("case", DESIGN, ids=lambda c: f"{c.framework}-{c.rule}-{c.name}")
def test_design_case(case: DesignCase) -> None:
    assert review_design(case) == sorted(case.lines)


def test_every_framework_has_breaking_and_safe_cases() -> None:
    for framework in FRAMEWORKS:
        cases = [c for c in CONTRACT if c.framework == framework]
        assert any(c.breaking for c in cases) and any(not c.breaking for c in cases), framework
