"""The newest migrations of a project, reviewed as if one change added them all.

A commit shows a rule a handful of migrations; a project's migration folder shows it
hundreds, written by the same team for the same database and deploy. This reviews the
newest `--per-project` migration files of each project (by the path specs of
`bench/migration_precision.py`'s sets) as added files of one change, with the rest of
the repository at its head as context, and writes every finding to
`bench/out/migration_scan/<tag>/findings.tsv` for judging by hand.

    .venv/bin/python bench/migration_scan.py --mirrors DIR --tag base owner/name ...

It never writes to DIR: each project is cloned with `git clone --shared` into a
temporary directory, where one commit without the chosen files and one with them are
made; `bastion review --git WITHOUT..WITH` reviews the difference.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from migration_precision import INDEXING_RULES, SETS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "migration_scan"
BASTION = Path(sys.executable).with_name("bastion")
_ENV = {
    "GIT_AUTHOR_NAME": "scan",
    "GIT_AUTHOR_EMAIL": "scan@invalid",
    "GIT_COMMITTER_NAME": "scan",
    "GIT_COMMITTER_EMAIL": "scan@invalid",
    "PATH": "/usr/bin:/bin",
}


def git(where: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(
        ["git", "-C", str(where), *args], capture_output=True, text=True, check=True, env=env
    ).stdout


def newest_migrations(where: Path, specs: list[str], count: int) -> list[str]:
    """The last `count` migration files by path, in each spec's folder."""
    every = [n for n in git(where, "ls-tree", "-r", "--name-only", "HEAD").split("\n") if n]
    chosen: list[str] = []
    for spec in specs:
        # A git pathspec's `*` crosses `/`, as fnmatch's does.
        chosen.extend(sorted(n for n in every if fnmatch.fnmatchcase(n, spec))[-count:])
    return sorted(set(chosen))


def scan(mirrors: Path, repo: str, count: int) -> dict[str, object]:
    specs = next(s[repo][1] for s in SETS.values() if repo in s)
    mirror = mirrors / repo.replace("/", "+") / "repo"
    with tempfile.TemporaryDirectory(prefix="migscan-") as tmp:
        clone = Path(tmp) / "repo"
        subprocess.run(
            ["git", "clone", "-q", "--bare", "--shared", str(mirror), str(clone)], check=True
        )
        files = newest_migrations(clone, specs, count)
        index = {"GIT_INDEX_FILE": str(Path(tmp) / "index"), **_ENV}
        git(clone, "read-tree", "HEAD", env=index)
        for start in range(0, len(files), 200):
            git(clone, "rm", "-q", "--cached", "--", *files[start : start + 200], env=index)
        without_tree = git(clone, "write-tree", env=index).strip()
        head = git(clone, "rev-parse", "HEAD").strip()
        without = git(clone, "commit-tree", without_tree, "-p", head, "-m", "without", env=_ENV)
        with_ = git(
            clone, "commit-tree", f"{head}^{{tree}}", "-p", without.strip(), "-m", "with", env=_ENV
        )
        proc = subprocess.run(
            [str(BASTION), "review", "--git", f"{without.strip()}..{with_.strip()}"]
            + ["--repo", str(clone), "--no-llm", "--format", "json", "--fail-on", "never"],
            capture_output=True,
            text=True,
        )
    if proc.returncode != 0:
        print(f"# {repo}: bastion exited {proc.returncode}: {proc.stderr[-300:]}", file=sys.stderr)
        return {"repo": repo, "files": len(files), "findings": [], "stats": {}}
    report: dict[str, object] = json.loads(proc.stdout)
    report["repo"] = repo
    report["files"] = len(files)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("repos", nargs="+", help="owner/name of projects in the sets")
    parser.add_argument("--mirrors", type=Path, required=True, help="DIR/<owner>+<name>/repo")
    parser.add_argument("--tag", default="current")
    parser.add_argument("--per-project", type=int, default=40, help="newest files per spec")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    out = OUT / args.tag
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        reports = list(pool.map(lambda r: scan(args.mirrors, r, args.per_project), args.repos))
    per_rule: Counter[str] = Counter()
    with (out / "findings.tsv").open("w", encoding="utf-8") as fh:
        for report in reports:
            repo = str(report["repo"])
            (out / f"{repo.replace('/', '+')}.json").write_text(json.dumps(report, indent=1))
            findings = report["findings"]
            assert isinstance(findings, list)
            for f in findings:
                if f["rule"] not in INDEXING_RULES:
                    continue
                title = " ".join(f["title"].split())
                row = [f["rule"], repo, f"{f['path']}:{f['line']}", f["severity"], title]
                fh.write("\t".join(row) + "\n")
                per_rule[f"{f['rule']} {'info' if f['severity'] == 'info' else 'inline'}"] += 1
            print(f"{repo}: {report['files']} migration files, {len(findings)} findings")
    for key, n in sorted(per_rule.items()):
        print(f"{key}\t{n}")


if __name__ == "__main__":
    main()
