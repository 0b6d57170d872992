"""The labelled missing-index cases: every `miss-*` is flagged, no `safe-*` twin is."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p for p in (ROOT / "tests/fixtures/schema/missing_index").iterdir() if p.is_dir())

_spec = importlib.util.spec_from_file_location(
    "missing_index_bench", ROOT / "bench/missing_index_bench.py"
)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case(case: Path) -> None:
    found = bench.flagged(case)
    if case.name.startswith("miss-"):
        assert found, f"{case.name}: the missing index was not reported"
    else:
        assert found == [], f"{case.name}: false alarm {found}"
