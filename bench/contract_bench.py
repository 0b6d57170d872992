"""Recall and false alarms of the API-contract rules on our labelled spec pairs.

Every pair in tests/fixtures/rules/{openapi,protobuf,graphql}/cases.yaml is reviewed
through the real pipeline (`bot.pipeline.review_files`, both versions known, as with
`bastion review --git`). Per check id:

  recall       breaking pairs reported under that check id / breaking pairs
  false alarm  safe pairs with any breaking finding (high, from the contract rules)
               / safe pairs; and, apart, safe pairs with any finding at all from
               any rule (style rules such as a missing operationId included)

    .venv/bin/python bench/contract_bench.py [--markdown]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from contract_cases import (  # noqa: E402
    FAMILIES,
    breaking_findings,
    load_cases,
    reports,
    review_case,
)

from bot.models import Severity  # noqa: E402


def run() -> tuple[list[tuple[str, str, int, int]], dict[str, tuple[int, int, int]], float]:
    """Per (family, check): hits, total; per family: safe pairs, breaking FAs, any-FAs."""
    per_check: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    safe: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    started = time.perf_counter()
    for family in FAMILIES:
        for case in load_cases(family):
            found = review_case(case)
            if case.breaking:
                cell = per_check[(family, case.check)]
                cell[0] += reports(found, case.check)
                cell[1] += 1
            else:
                row = safe[family]
                row[0] += 1
                row[1] += bool(breaking_findings(found))
                row[2] += any(f.severity is not Severity.INFO for f in found)
    elapsed = time.perf_counter() - started
    checks = [(fam, check, hit, total) for (fam, check), (hit, total) in sorted(per_check.items())]
    return checks, {k: (v[0], v[1], v[2]) for k, v in safe.items()}, elapsed


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "n/a"


def render(checks: list[tuple[str, str, int, int]], safe: dict[str, tuple[int, int, int]]) -> str:
    lines = ["| family | check | pairs | reported | recall |", "|---|---|---:|---:|---:|"]
    lines += [f"| {f} | `{c}` | {t} | {h} | {_pct(h, t)} |" for f, c, h, t in checks]
    lines += [
        "",
        "| family | breaking pairs | recall | safe pairs | false alarms (breaking rules) "
        "| safe pairs with any non-info finding |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for family in FAMILIES:
        hits = sum(h for f, _, h, _ in checks if f == family)
        total = sum(t for f, _, _, t in checks if f == family)
        pairs, alarms, any_alarm = safe.get(family, (0, 0, 0))
        lines.append(
            f"| {family} | {total} | {_pct(hits, total)} | {pairs} | "
            f"{alarms} ({_pct(alarms, pairs)}) | {any_alarm} ({_pct(any_alarm, pairs)}) |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="tables only")
    args = parser.parse_args()
    checks, safe, elapsed = run()
    print(render(checks, safe))
    if not args.markdown:
        pairs = sum(t for *_, t in checks) + sum(s[0] for s in safe.values())
        print(f"\n{pairs} pairs reviewed in {elapsed:.1f} s")
    missed = [(f, c) for f, c, h, t in checks if h < t]
    return 1 if missed or any(s[1] for s in safe.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
