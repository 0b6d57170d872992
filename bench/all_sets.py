"""Every judged finding of every set at once: inline precision of a build on all labels,
and what changed between two builds.

`--category security` (the default) reads every `bench/labels/security_findings*.tsv`
(sets A to the newest, inline and info verdicts alike) and reviews their commits as
`bench/security_precision.py` does (one `bastion review --git C~1..C --no-llm --category
security` per commit, kept under `bench/out/security_precision/<tag>/`). `--category
indexing` reads every `bench/labels/migration_findings*.tsv` and reviews as
`bench/migration_precision.py` does (the whole review with `--repo`, so the schema model is
built; kept under `bench/out/migration_precision/<tag>/`), counting the indexing and
migration rules only. Each finding is joined with its verdict by (repository, commit, path,
line, rule; old rule ids read as the rule they became).

- `run`: reviews the commits (those with a saved review are read back) and prints inline
  precision per rule, with the unjudged findings counted apart. `--only FILE` limits the
  commits to a list (`repo<TAB>commit` rows), e.g. those where a base build found anything:
  a build that only removes or demotes findings cannot add one elsewhere, and a new finding
  shows as unjudged.
- `diff`: compares two tags on the commits both reviewed: each judged finding that moved
  between inline, the summary and nothing, with its verdict. A change that costs a true
  positive shows here, on every set at once (`bench/tp_guard.py` reads the true positives
  only).

Most verdicts were given on earlier builds: on the sets judged before a change this is an
in-sample figure, not a measure of precision on unseen code (each fresh set's own section
says which build judged it).

    .venv/bin/python bench/all_sets.py run --mirrors DIR --tag T [--bastion CMD] [--only FILE]
    .venv/bin/python bench/all_sets.py diff --tag OLD --against NEW
    (either with --category indexing for the migration sets)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import migration_precision as mp  # noqa: E402
import security_precision as sp  # noqa: E402

from bot.rules.loader import builtin_catalog  # noqa: E402

LABELS = sp.ROOT / "bench" / "labels"
Key = tuple[str, str, str, int, str]


def _canonical() -> dict[str, str]:
    catalog = builtin_catalog()
    return {**{rule: rule for rule in catalog.rules}, **catalog.aliases}


def labels(canonical: dict[str, str], category: str = "security") -> dict[Key, tuple[str, str]]:
    if category == "indexing":
        return _migration_labels(canonical)
    out: dict[Key, tuple[str, str]] = {}
    for path in sorted(LABELS.glob("security_findings*.tsv")):
        for row in sp.read_tsv(path):
            if len(row) < 7 or not row[3].isdigit():
                continue
            key = (row[0], row[1], row[2], int(row[3]), canonical.get(row[4], row[4]))
            out[key] = (row[5], row[6])
    return out


def _migration_labels(canonical: dict[str, str]) -> dict[Key, tuple[str, str]]:
    """Rows `rule, repo, commit, path:line, verdict, reason` of the migration sets."""
    out: dict[Key, tuple[str, str]] = {}
    for path in sorted(LABELS.glob("migration_findings*.tsv")):
        for row in mp.read_tsv(path):
            if len(row) < 6 or ":" not in row[3]:
                continue
            where, _, line = row[3].rpartition(":")
            if not line.isdigit():
                continue
            key = (row[1], row[2], where, int(line), canonical.get(row[0], row[0]))
            out[key] = (row[4], row[5])
    return out


def _out(category: str) -> Path:
    return mp.OUT if category == "indexing" else sp.OUT


def _counted(finding: dict[str, object], category: str, canonical: dict[str, str]) -> bool:
    if category == "indexing":
        return canonical.get(str(finding["rule"]), str(finding["rule"])) in mp.INDEXING_RULES
    return finding.get("category") == "security"


def _review(mirrors: Path, out_dir: Path, category: str, repo: str, commit: str) -> dict:
    if category == "security":
        return sp.cached_review(mirrors, out_dir, repo, commit)
    path = out_dir / f"{repo.replace('/', '+')}__{commit}.json"
    if path.exists():
        cached: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
        return cached
    report = mp.review(mirrors, repo, commit)
    if report.get("notes") == ["review failed"]:
        return {"error": "review failed", **report}
    path.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return report


def findings(tag: str, canonical: dict[str, str], category: str = "security") -> dict[Key, str]:
    """Each counted finding of a tag's saved reviews -> its severity."""
    out: dict[Key, str] = {}
    for path in sorted((_out(category) / tag).glob("*.json")):
        repo, commit = path.stem.split("__", 1)
        report = json.loads(path.read_text(encoding="utf-8"))
        for f in report.get("findings", []):
            if not _counted(f, category, canonical):
                continue
            rule = canonical.get(f["rule"], f["rule"])
            out[(repo.replace("+", "/"), commit, f["path"], int(f["line"]), rule)] = f["severity"]
    return out


def _commits(verdicts: dict[Key, tuple[str, str]], only: Path | None) -> list[tuple[str, str]]:
    if only is not None:
        return [(r[0], r[1]) for r in sp.read_tsv(only) if len(r) >= 2]
    return sorted({(k[0], k[1]) for k in verdicts})


def run(args: argparse.Namespace) -> None:
    canonical = _canonical()
    verdicts = labels(canonical, args.category)
    out_dir = _out(args.category) / args.tag
    out_dir.mkdir(parents=True, exist_ok=True)
    todo = [
        (repo, commit)
        for repo, commit in _commits(verdicts, args.only)
        if sp.repo_dir(args.mirrors, repo).is_dir()
    ]
    with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        reports = list(pool.map(lambda p: _review(args.mirrors, out_dir, args.category, *p), todo))
    errors = sum(1 for r in reports if "error" in r)
    found = findings(args.tag, canonical, args.category)
    per_rule: Counter[tuple[str, str]] = Counter()
    for key, severity in found.items():
        if severity == "info":
            continue
        verdict = verdicts.get(key, ("unjudged", ""))[0]
        per_rule[(key[4], verdict)] += 1
    tp = sum(n for (_, v), n in per_rule.items() if v == "tp")
    fp = sum(n for (_, v), n in per_rule.items() if v == "fp")
    unjudged = sum(n for (_, v), n in per_rule.items() if v == "unjudged")
    print(f"## {args.tag}: {len(todo)} commits reviewed ({errors} unreadable)")
    print(f"inline precision on all labels: {tp}/{tp + fp} = {tp / max(tp + fp, 1):.2f}", end="")
    print(f" ({unjudged} unjudged)\n")
    print("| rule | worth acting on | false alarm | unjudged |\n|---|--:|--:|--:|")
    for rule in sorted(
        {r for r, _ in per_rule}, key=lambda r: -sum(per_rule[(r, v)] for v in ("tp", "fp"))
    ):
        tps, fps, open_ = (per_rule[(rule, v)] for v in ("tp", "fp", "unjudged"))
        print(f"| `{rule}` | {tps} | {fps} | {open_} |")


def diff(args: argparse.Namespace) -> None:
    canonical = _canonical()
    verdicts = labels(canonical, args.category)
    old = findings(args.tag, canonical, args.category)
    new = findings(args.against, canonical, args.category)
    out = _out(args.category)
    both = {p.stem for p in (out / args.tag).glob("*.json")} & {
        p.stem for p in (out / args.against).glob("*.json")
    }

    def place(severity: str | None) -> str:
        return "gone" if severity is None else ("summary" if severity == "info" else "inline")

    moves: Counter[tuple[str, str, str]] = Counter()
    for key in sorted(set(old) | set(new)):
        if f"{key[0].replace('/', '+')}__{key[1]}" not in both:
            continue
        before, after = place(old.get(key)), place(new.get(key))
        if before == after:
            continue
        verdict = verdicts.get(key, ("unjudged", ""))[0]
        moves[(f"{before} -> {after}", key[4], verdict)] += 1
        print(f"{before} -> {after}\t{verdict}\t{key[4]}\t{key[0]}\t{key[1]}\t{key[2]}:{key[3]}")
    print("\n| move | rule | verdict | findings |\n|---|---|---|--:|")
    for (move, rule, verdict), n in sorted(moves.items()):
        print(f"| {move} | `{rule}` | {verdict} | {n} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["run", "diff"])
    parser.add_argument("--mirrors", type=Path, help="DIR/<owner>+<name>/repo (run)")
    parser.add_argument("--tag", required=True)
    parser.add_argument("--against", help="diff: the newer tag")
    parser.add_argument("--only", type=Path, help="run: only these commits (repo, commit)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--bastion", type=Path, default=sp.BASTION)
    parser.add_argument("--category", choices=["security", "indexing"], default="security")
    args = parser.parse_args()
    if args.mode == "run":
        if args.mirrors is None:
            parser.error("run needs --mirrors")
        sp._bastion = args.bastion
        mp._bastion = args.bastion
        run(args)
    else:
        if not args.against:
            parser.error("diff needs --against")
        diff(args)


if __name__ == "__main__":
    main()
