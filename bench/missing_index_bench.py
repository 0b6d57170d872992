"""Recall and false-alarm rate of the schema-aware query rules on labelled cases
(target: recall >= 0.60, false alarms <= 5 %).

Two sets: `dev` (`tests/fixtures/schema/missing_index/`, the cases the rules were
written against) and `holdout` (`bench/corpus/missing_index/`, written afterwards and
not used to tune the rules).

    .venv/bin/python bench/missing_index_bench.py [--split dev|holdout] [--verbose]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.diff import added_file
from bot.rules.engine import run_rules
from bot.schema import build_schema
from bot.schema.context import use
from bot.select import select_backend

ROOT = Path(__file__).resolve().parent.parent
SPLITS = {
    "dev": ROOT / "tests" / "fixtures" / "schema" / "missing_index",
    "holdout": ROOT / "bench" / "corpus" / "missing_index",
}
RULES = ("query-on-unindexed-column", "function-predicate-without-index")


def flagged(case: Path) -> list[str]:
    files = {
        str(p.relative_to(case)): p.read_text(encoding="utf-8")
        for p in case.rglob("*")
        if p.is_file()
    }
    added = next(p for p in files if Path(p).stem == "added")
    code = files.pop(added)
    # The added file sits where application code lives, so selection keeps it.
    path = f"app/services/{added}"
    kept, _ = select_backend([added_file(path, code)])
    with use(build_schema(files)):
        run = run_rules(kept, only=RULES)
    if run.errors:
        raise SystemExit(f"{case.name}: {run.errors[0].error}")
    # The schema-aware check only: the rule's other check (a column this change adds,
    # reported under its old id) is not what these cases measure.
    return [f"{f.rule}:{f.line}" for f in run.findings if not f.reported_as]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    args = parser.parse_args()
    cases = sorted(p for p in SPLITS[args.split].iterdir() if p.is_dir())
    missed, alarms = [], []
    positives = [c for c in cases if c.name.startswith("miss-")]
    negatives = [c for c in cases if c.name.startswith("safe-")]
    for case in cases:
        found = flagged(case)
        if args.verbose:
            print(f"{case.name:34} {found}")
        if case in positives and not found:
            missed.append(case.name)
        if case in negatives and found:
            alarms.append(case.name)
    recall = 1 - len(missed) / len(positives)
    false_alarms = len(alarms) / len(negatives)
    print(f"{args.split}: {len(positives)} missing-index cases, {len(negatives)} safe twins")
    print(
        f"recall: {recall:.2f} ({len(positives) - len(missed)}/{len(positives)}); missed: {missed}"
    )
    print(f"false alarms: {false_alarms:.1%} ({len(alarms)}/{len(negatives)}); {alarms}")


if __name__ == "__main__":
    main()
