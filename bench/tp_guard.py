"""Every security finding judged worth acting on, in any set, still reported inline.

Reads the `tp` rows of `bench/labels/security_findings*.tsv` (sets A to J), reviews each
of their commits as `bench/security_precision.py` does (`bastion review --git C~1..C
--no-llm --category security`), and sorts each true positive into:

- inline: a finding low and above of the same rule (or one of its aliases) on that line;
- moved: the same, within 3 lines (a rule now anchors the finding elsewhere);
- summary: only an `info` finding of the rule there (the engine gave up the claim);
- gone: nothing of the rule there.

A precision change that costs a true positive shows here, on every set at once, before
the next fresh set is judged. Only the commits with a true positive are reviewed.

    .venv/bin/python bench/tp_guard.py --mirrors DIR --tag after [--bastion CMD] [--jobs 2]

DIR holds bare clones as `DIR/<owner>+<name>/repo`. Reviews are kept under
`bench/out/tp_guard/<tag>/` (a re-run of a tag reads them back).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import security_precision as sp  # noqa: E402

LABELS = sorted((sp.ROOT / "bench" / "labels").glob("security_findings*.tsv"))
OUT = sp.ROOT / "bench" / "out" / "tp_guard"
NEAR = 3


@dataclass(frozen=True)
class TruePositive:
    source: str  # the labels file
    repo: str
    commit: str
    path: str
    line: int
    rule: str
    reason: str


def true_positives(files: list[Path]) -> list[TruePositive]:
    out: dict[tuple[str, str, str, int, str], TruePositive] = {}
    for file in files:
        for row in sp.read_tsv(file):
            if len(row) < 6 or row[5] != "tp":
                continue
            repo, commit, path, line, rule = row[:5]
            item = TruePositive(
                file.name,
                repo,
                commit,
                path,
                int(line),
                sp.current_id(rule),
                row[6] if len(row) > 6 else "",
            )
            out.setdefault((repo, commit, path, item.line, item.rule), item)
    return list(out.values())


def verdict(item: TruePositive, findings: list[dict[str, object]]) -> str:
    mine = [
        f
        for f in findings
        if f.get("path") == item.path and sp.current_id(str(f.get("rule"))) == item.rule
    ]

    def lines(f: dict[str, object]) -> range:
        start = int(str(f.get("line")))
        return range(start, int(str(f.get("end_line") or start)) + 1)

    inline = [f for f in mine if f.get("severity") != "info"]
    if any(item.line in lines(f) for f in inline):
        return "inline"
    if any(abs(int(str(f.get("line"))) - item.line) <= NEAR for f in inline):
        return "moved"
    if any(abs(int(str(f.get("line"))) - item.line) <= NEAR for f in mine):
        return "summary"
    return "gone"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, required=True)
    parser.add_argument("--tag", required=True)
    parser.add_argument("--bastion", type=Path, default=sp.BASTION, help="the command to run")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    sp._bastion = args.bastion
    items = true_positives(LABELS)
    commits = sorted({(i.repo, i.commit) for i in items})
    out_dir = OUT / args.tag
    out_dir.mkdir(parents=True, exist_ok=True)

    def one(key: tuple[str, str]) -> tuple[tuple[str, str], dict[str, object]]:
        repo, commit = key
        if not sp.repo_dir(args.mirrors, repo).is_dir():
            return key, {"error": "not fetched"}
        return key, sp.cached_review(args.mirrors, out_dir, repo, commit)

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        reports = dict(pool.map(one, commits))
    tally: Counter[str] = Counter()
    lost: list[str] = []
    for item in sorted(items, key=lambda i: (i.source, i.repo, i.commit, i.path, i.line)):
        report = reports[(item.repo, item.commit)]
        if "error" in report:
            kind = "not reviewed"
        else:
            findings = report.get("findings")
            kind = verdict(item, findings if isinstance(findings, list) else [])
        tally[kind] += 1
        if kind not in ("inline", "moved"):
            lost.append(
                f"{kind}\t{item.source}\t{item.repo}\t{item.commit}\t{item.path}:{item.line}"
                f"\t{item.rule}\t{item.reason[:100]}"
            )
    total = sum(tally.values())
    print(f"## {args.tag}: {total} true positives on {len(commits)} commits")
    for kind in ("inline", "moved", "summary", "gone", "not reviewed"):
        print(f"{kind}: {tally[kind]}")
    for line in lost:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
