"""Recall and false alarms of the schema-aware query rules on real missing-index bugs
from the history of open-source backends (`bench/corpus/missing_index_history/`).

Each case is `<framework>/<case>/` with `base/` (the repository's schema-bearing files
at the commit before the index was added, trimmed to the tables involved), `query/`
(the file holding the query, as it stood then) and `expect.txt`: `table: col | col`
(a bug; found when a finding names the table and one of the columns the fixing index
leads with) or `safe` (a query on indexed columns; any finding is a false alarm).
A bug case with `fix/` (the real index migration) is also run with it applied, as a
"fixed" twin that should then be quiet about the expected table and column; the table
counts the fixed twins of found bugs only.

    .venv/bin/python bench/missing_index_history.py [--verbose]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.diff import added_file
from bot.models import Finding
from bot.rules.engine import run_rules
from bot.schema import build_schema
from bot.schema.context import use
from bot.select import select_backend

CORPUS = Path(__file__).resolve().parent / "corpus" / "missing_index_history"
RULES = ("query-on-unindexed-column", "function-predicate-without-index")


@dataclass
class Case:
    framework: str
    name: str
    base: dict[str, str]
    query_path: str
    query: str
    fix: dict[str, str]
    table: str | None  # None: a safe twin
    columns: tuple[str, ...] = ()
    tables_built: list[str] = field(default_factory=list)


def _files(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def load(case_dir: Path) -> Case:
    expect = (case_dir / "expect.txt").read_text(encoding="utf-8").strip()
    ((query_path, query),) = _files(case_dir / "query").items()
    table, columns = None, ()
    if expect != "safe":
        name, _, cols = expect.partition(":")
        table, columns = name.strip(), tuple(c.strip() for c in cols.split("|") if c.strip())
    return Case(
        framework=case_dir.parent.name,
        name=case_dir.name,
        base=_files(case_dir / "base"),
        query_path=query_path,
        query=query,
        fix=_files(case_dir / "fix"),
        table=table,
        columns=columns,
    )


def findings(case: Case, extra: dict[str, str] | None = None) -> tuple[list[Finding], list[str]]:
    kept, _ = select_backend([added_file(case.query_path, case.query)])
    schema = build_schema({**case.base, **(extra or {})})
    with use(schema):
        run = run_rules(kept, only=RULES)
    if run.errors:
        raise SystemExit(f"{case.name}: {run.errors[0].error}")
    # The schema-aware check only: the rule's other check (a column this change adds,
    # reported under its old id) is not what these cases measure.
    return [f for f in run.findings if not f.reported_as], sorted(schema.tables)


def names(finding: Finding, table: str, columns: tuple[str, ...]) -> bool:
    """Whether a finding is about `table` and one of `columns` (as whole words)."""
    text = f"{finding.title}\n{finding.body}\n{finding.suggestion or ''}".lower()
    if not re.search(rf"\b{re.escape(table.lower())}\b", text):
        return False
    return any(re.search(rf"\b{re.escape(c.lower())}\b", text) for c in columns)


def score(case: Case, row: list[int]) -> list[str]:
    """Adds the case to its framework's row; returns the lines `--verbose` prints."""
    found, tables = findings(case)
    said = [f"- {f.rule}@{f.line}: {f.title}" for f in found]
    if case.table is None:
        row[2] += 1
        row[3] += bool(found)
        verdict, expect = ("FALSE ALARM" if found else "quiet (ok)"), "safe"
    else:
        row[0] += 1
        hit = any(names(f, case.table, case.columns) for f in found)
        row[1] += hit
        verdict = "found" if hit else ("MISSED (other finding)" if found else "MISSED")
        expect = f"{case.table}: {'|'.join(case.columns)}"
        if case.fix:
            after, _ = findings(case, case.fix)
            still = [f for f in after if names(f, case.table, case.columns)]
            # Only a found bug's twin says anything: a missed one is quiet either way.
            row[4] += hit
            row[5] += hit and bool(still)
            verdict += "; fixed twin " + ("STILL FLAGGED" if still else "quiet")
            said += [f"- with the fix applied: {f.title}" for f in still]
    head = f"{case.framework:10} {case.name:36} {verdict:34} expect {expect}"
    return [head, f"{'':10} schema tables: {', '.join(tables) or '(none)'}"] + [
        f"{'':10} {line}" for line in said
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    cases = [load(d) for d in sorted(CORPUS.glob("*/*")) if (d / "expect.txt").is_file()]
    # per framework: bugs, found, safe twins, false alarms, fixed twins, fixed twins flagged
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for case in cases:
        lines = score(case, rows[case.framework])
        if args.verbose:
            print("\n".join(lines))
    total = [sum(r[i] for r in rows.values()) for i in range(6)]
    header = ("framework", "bugs", "found", "recall", "safe", "alarms", "fa-rate", "fixed", "still")
    print("{:10} {:>5} {:>5} {:>6} {:>5} {:>6} {:>7} {:>5} {:>5}".format(*header))
    for fw, r in [*sorted(rows.items()), ("all", total)]:
        recall = f"{r[1] / r[0]:.2f}" if r[0] else "-"
        rate = f"{r[3] / r[2]:.0%}" if r[2] else "-"
        cells = (fw, r[0], r[1], recall, r[2], r[3], rate, r[4], r[5])
        print("{:10} {:>5} {:>5} {:>6} {:>5} {:>6} {:>7} {:>5} {:>5}".format(*cells))


if __name__ == "__main__":
    main()
