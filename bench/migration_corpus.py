"""Recall and false alarms of the migration/indexing rules on the labelled corpus
in `bench/corpus/migrations/` (target: recall >= 0.90, false alarms <= 5 %).

Each framework folder holds `base/` (the repository before the pull request: the
tables that already exist), `pr/` (files the pull request adds or changes, laid over
`base/`) and `labels.tsv` (file path inside `pr/`, line, expected hazard or `safe`, split).
The script commits both states to a scratch git repository and runs the real review
(`bastion review --git BASE..HEAD --no-llm`), keeping the indexing findings.

A finding counts for the labelled line it covers, or else the nearest labelled line
within three lines (a comment folding one hazard repeated in a file counts for each
line it names); a hazard line with a finding is caught, a `safe` line with one is
a false alarm. Findings near no label are counted as unlabelled.

    .venv/bin/python bench/migration_corpus.py [--split dev|holdout|all] [--show dev]

`--show` lists misses and false alarms of one split; the holdout split is meant to be
read only as figures, so tuning stays blind to it.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus" / "migrations"
BASTION = Path(sys.executable).with_name("bastion")
NEAR = 3
# One comment stands for a hazard repeated in one file and names the other lines.
ALSO_AT = re.compile(r"The same applies at lines ([\d, ]+) of this file")


@dataclass
class Label:
    file: str
    line: int
    expected: str
    split: str
    rules: list[str] = field(default_factory=list)
    severities: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    labels: list[Label]
    unlabelled: list[str]


def git(where: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=bench@example.com", "-c", "user.name=bench", *args],
        cwd=where,
        check=True,
        capture_output=True,
    )


def review(framework: Path) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as scratch:
        repo = Path(scratch)
        git(repo, "init", "-q")
        shutil.copytree(framework / "base", repo, dirs_exist_ok=True)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "base")
        shutil.copytree(framework / "pr", repo, dirs_exist_ok=True)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "pull request")
        proc = subprocess.run(
            [str(BASTION), "review", "--git", "HEAD~1..HEAD", "--repo", str(repo)]
            + ["--no-llm", "--format", "json", "--fail-on", "never"],
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0:
        raise SystemExit(
            f"{framework.name}: bastion exited {proc.returncode}: {proc.stderr[-400:]}"
        )
    report = json.loads(proc.stdout)
    findings: list[dict[str, object]] = report["findings"]
    return [f for f in findings if f.get("category") == "indexing"]


def read_labels(framework: Path) -> list[Label]:
    with (framework / "labels.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [Label(r["file"], int(r["line"]), r["expected"], r["split"]) for r in rows]


def distance(label: Label, start: int, end: int) -> int:
    if start <= label.line <= end:
        return 0
    return min(abs(label.line - start), abs(label.line - end))


def score(framework: Path) -> Outcome:
    labels = read_labels(framework)
    by_file: dict[str, list[Label]] = defaultdict(list)
    for label in labels:
        by_file[label.file].append(label)
    unlabelled = []
    spots = []
    for finding in review(framework):
        path, rule = str(finding["path"]), str(finding["rule"])
        start = int(str(finding["line"]))
        severity = str(finding.get("severity"))
        end = int(str(finding.get("end_line") or start))
        spots.append((path, rule, severity, start, end))
        also = ALSO_AT.search(str(finding.get("body", "")))
        for other in also.group(1).split(",") if also else ():
            spots.append((path, rule, severity, int(other), int(other)))
    for path, rule, severity, start, end in spots:
        near = sorted(by_file.get(path, []), key=lambda lab: (distance(lab, start, end), lab.line))
        if near and distance(near[0], start, end) <= NEAR:
            near[0].rules.append(rule)
            near[0].severities.append(severity)
        else:
            unlabelled.append(f"{path}:{start} {rule}")
    return Outcome(labels, unlabelled)


def figures(labels: list[Label]) -> tuple[int, int, int, int, int]:
    hazards = [lab for lab in labels if lab.expected != "safe"]
    safe = [lab for lab in labels if lab.expected == "safe"]
    return (
        sum(1 for lab in hazards if lab.rules),
        # caught, but only in the summary (`info`): the table's size decides it
        sum(1 for lab in hazards if lab.rules and set(lab.severities) == {"info"}),
        len(hazards),
        sum(1 for lab in safe if lab.rules),
        len(safe),
    )


def line(name: str, labels: list[Label]) -> str:
    caught, summary, hazards, alarms, safe = figures(labels)
    recall = caught / hazards if hazards else 1.0
    rate = alarms / safe if safe else 0.0
    return (
        f"| {name} | {caught}/{hazards} | {summary} | {recall:.2f} | {alarms}/{safe} | {rate:.1%} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "holdout", "all"), default="all")
    parser.add_argument("--show", choices=("dev", "holdout"), help="list misses and alarms")
    parser.add_argument("--framework", help="only this framework folder")
    args = parser.parse_args()
    frameworks = sorted(p for p in CORPUS.iterdir() if (p / "labels.tsv").is_file())
    if args.framework:
        frameworks = [p for p in frameworks if p.name == args.framework]
    outcomes = {fw.name: score(fw) for fw in frameworks}
    splits = ("dev", "holdout") if args.split == "all" else (args.split,)
    for split in splits:
        print(f"\n### {split}\n")
        print(
            "| framework | hazards caught | of which summary only | recall "
            "| safe lines flagged | false alarms |"
        )
        print("|---|--:|--:|--:|--:|--:|")
        every: list[Label] = []
        for name, outcome in outcomes.items():
            chosen = [lab for lab in outcome.labels if lab.split == split]
            every += chosen
            if chosen:
                print(line(name, chosen))
        print(line("**all**", every))
    unlabelled = sum(len(o.unlabelled) for o in outcomes.values())
    print(f"\nindexing findings near no labelled line: {unlabelled}")
    if args.show:
        for name, outcome in outcomes.items():
            for lab in outcome.labels:
                if lab.split != args.show:
                    continue
                if lab.expected != "safe" and not lab.rules:
                    print(f"MISS  {name}/{lab.file}:{lab.line} {lab.expected}")
                if lab.expected == "safe" and lab.rules:
                    print(f"ALARM {name}/{lab.file}:{lab.line} {sorted(set(lab.rules))}")
            # A file's labels all sit in one split, so its stray findings do too.
            shown = {lab.file for lab in outcome.labels if lab.split == args.show}
            for item in outcome.unlabelled:
                if item.split(":")[0] in shown:
                    print(f"UNLABELLED {name}/{item}")


if __name__ == "__main__":
    main()
