"""Recall and false alarms of the flow-based injection findings on our labelled files.

Every sink line of `tests/fixtures/taint/` carries `expect: <rule-id>` (a vulnerable
flow that must be reported with that rule) or `ok` (a safe look-alike that must stay
silent). Reported per language and per rule:

  recall       = expected lines found / expected lines
  false alarms = safe lines flagged / safe lines

Also the time the flow analysis takes over all the fixtures (median of N runs, cache
cleared each run).

    .venv/bin/python bench/security_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.rules.taint import api  # noqa: E402
from tests.taint_cases import labelled  # noqa: E402


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den} = {num / den:.2f}" if den else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = labelled()
    files = [(case, case.changed_file()) for case in cases]
    # (language, rule) -> [found, expected]; language -> [flagged, safe]
    recall: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    alarms: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case, file in files:
        flows = api.file_flows(file)
        found = {(f.line, f.rule) for f in flows}
        flagged = {f.line for f in flows}
        for line, rule in case.expected.items():
            cell = recall[(case.language, rule)]
            cell[0] += (line, rule) in found
            cell[1] += 1
        cell = alarms[case.language]
        cell[0] += len(case.safe & flagged)
        cell[1] += len(case.safe)
    print("| language | rule | recall |")
    print("|---|---|---|")
    per_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (language, rule), (hit, total) in sorted(recall.items()):
        print(f"| {language} | {rule} | {_ratio(hit, total)} |")
        per_language[language][0] += hit
        per_language[language][1] += total
    print()
    print("| language | recall | false alarms on safe look-alikes |")
    print("|---|---|---|")
    for language in sorted(per_language):
        hit, total = per_language[language]
        bad, safe = alarms[language]
        print(f"| {language} | {_ratio(hit, total)} | {_ratio(bad, safe)} |")
    times: list[float] = []
    for _ in range(max(args.runs, 1)):
        api._CACHE.clear()
        fresh = [case.changed_file() for case, _ in files]
        start = time.perf_counter()
        for file in fresh:
            api.file_flows(file)
        times.append(time.perf_counter() - start)
    lines = sum(
        len(
            (Path(__file__).parent.parent / "tests/fixtures/taint" / c.name).read_text().split("\n")
        )
        for c in cases
    )
    print()
    median_ms = statistics.median(times) * 1000
    print(f"flow analysis of {len(cases)} files ({lines} lines): median {median_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
