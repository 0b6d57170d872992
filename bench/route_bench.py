"""Recall and false alarms of the route-code rules on our labelled cases.

Contract (`api-breaking-change` on route code, once `route-breaking-change`): every change
in tests/fixtures/routes/contract/cases.yaml is reviewed through the real pipeline
(`bot.pipeline.review_files`, the pre-change contents handed over through
`load_base_content`, as the App and the Action do). Per framework and check id:

  recall       breaking changes reported under that check id / breaking changes
  false alarm  safe changes with any `api-breaking-change` finding / safe changes

Design (the route-convention rules): every case in tests/fixtures/routes/design/
cases.yaml, one new file each. Per framework and rule:

  recall       positive cases whose lines are all flagged / positive cases
  false alarm  negative cases with any finding of the rule / negative cases

    .venv/bin/python bench/route_bench.py [--markdown]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from route_cases import (  # noqa: E402
    CONTRACT_RULE,
    contract_findings,
    load_contract_cases,
    load_design_cases,
    reports,
    review_case,
    review_design,
)

Cell = list[int]  # positives found, positives, negatives flagged, negatives


def _cell() -> Cell:
    return [0, 0, 0, 0]


def run() -> tuple[dict[tuple[str, str], Cell], dict[tuple[str, str], Cell], float]:
    contract: dict[tuple[str, str], Cell] = defaultdict(_cell)
    design: dict[tuple[str, str], Cell] = defaultdict(_cell)
    started = time.perf_counter()
    for case in load_contract_cases():
        found = review_case(case)
        if case.breaking:
            cell = contract[(case.framework, case.check)]
            cell[0] += reports(found, case.check)
            cell[1] += 1
        else:
            cell = contract[(case.framework, "safe")]
            cell[2] += bool(contract_findings(found))
            cell[3] += 1
    for item in load_design_cases():
        flagged = review_design(item)
        cell = design[(item.framework, item.rule)]
        if item.positive:
            cell[0] += set(item.lines) <= set(flagged)
            cell[1] += 1
        else:
            cell[2] += bool(flagged)
            cell[3] += 1
    return contract, design, time.perf_counter() - started


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "n/a"


def _design_table(cells: dict[tuple[str, str], Cell]) -> list[str]:
    lines = [
        "| framework | rule | positives | found | recall | negatives | false alarms |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for (framework, name), (hit, pos, fa, neg) in sorted(cells.items()):
        lines.append(
            f"| {framework} | `{name}` | {pos} | {hit} | {_pct(hit, pos)} | {neg} | "
            f"{fa} ({_pct(fa, neg)}) |"
        )
    return lines


def _contract_tables(cells: dict[tuple[str, str], Cell]) -> list[str]:
    """Per check id (recall, every framework together), then per framework (recall over
    its breaking changes, false alarms over its safe ones)."""
    checks: dict[str, Cell] = defaultdict(_cell)
    frameworks: dict[str, Cell] = defaultdict(_cell)
    for (framework, name), cell in cells.items():
        for i in range(4):
            frameworks[framework][i] += cell[i]
            if name != "safe":
                checks[name][i] += cell[i]
    lines = ["| check | breaking | found | recall |", "|---|---:|---:|---:|"]
    for name, (hit, pos, _, _) in sorted(checks.items()):
        lines.append(f"| `{name}` | {pos} | {hit} | {_pct(hit, pos)} |")
    lines += [
        "",
        "| framework | breaking | found | recall | safe | false alarms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, (hit, pos, fa, neg) in sorted(frameworks.items()):
        lines.append(
            f"| {name} | {pos} | {hit} | {_pct(hit, pos)} | {neg} | {fa} ({_pct(fa, neg)}) |"
        )
    return lines


def _total(cells: dict[tuple[str, str], Cell]) -> str:
    hit, pos, fa, neg = (sum(c[i] for c in cells.values()) for i in range(4))
    return (
        f"| **all** | {pos} | {hit} | **{_pct(hit, pos)}** | {neg} | **{fa} ({_pct(fa, neg)})** |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="tables only")
    args = parser.parse_args()
    contract, design, elapsed = run()
    out = [f"**Breaking changes (`{CONTRACT_RULE}`, route code)**", ""]
    out += [*_contract_tables(contract), _total(contract), ""]
    out += ["**Route design (convention rules)**", "", *_design_table(design)]
    out += ["", "| all | positives | found | recall | negatives | false alarms |"]
    out += ["|---|---:|---:|---:|---:|---:|", _total(design)]
    print("\n".join(out))
    if not args.markdown:
        cases = sum(c[1] + c[3] for c in [*contract.values(), *design.values()])
        print(f"{cases} cases reviewed in {elapsed:.1f} s")
    missed = any(c[0] < c[1] or c[2] for c in [*contract.values(), *design.values()])
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
