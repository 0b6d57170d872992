"""Check that two installs of Bastion report the same thing: a speed change must not
change a finding.

Runs `bastion review --no-llm --format json` of each install on the same inputs (diff
files, and commits of local mirrors reviewed as `--git C~1..C`) and compares the JSON,
leaving out `stats.duration_ms`. Prints one line per input and exits 1 when any differs.

    .venv/bin/python bench/same_output.py --before OTHER/.venv/bin/bastion \\
        --after .venv/bin/bastion --diff examples/pr-mixed.diff \\
        --mirrors DIR --commits commits.txt     # lines of "owner/name commit"
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

TIMEOUT_S = 600


def review(bastion: str, args: list[str], cwd: Path) -> dict[str, Any] | str:
    """The report without its duration, or the command's failure as text."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "review.json"
        argv = [bastion, "review", *args, "--no-llm", "--format", "json", "--output", str(out)]
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S)
        if done.returncode not in (0, 1):
            return f"exit {done.returncode}: {done.stderr.strip()[-300:]}"
        data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    data.get("stats", {}).pop("duration_ms", None)
    return data


def inputs(args: argparse.Namespace) -> list[tuple[str, list[str]]]:
    found = [(str(path), [str(path.resolve())]) for path in args.diff]
    if args.commits:
        if args.mirrors is None:
            raise SystemExit("--commits needs --mirrors")
        for line in args.commits.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            repo, commit = line.split()[:2]
            git_dir = args.mirrors / repo.replace("/", "+") / "repo"
            if git_dir.is_dir():
                found.append(
                    (f"{repo}@{commit}", ["--git", f"{commit}~1..{commit}", "--repo", str(git_dir)])
                )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the bastion executable of one install")
    parser.add_argument("--after", required=True, help="the bastion executable of the other")
    parser.add_argument("--diff", type=Path, action="append", default=[], help="a diff file")
    parser.add_argument("--mirrors", type=Path, help="folder of owner+name/repo git mirrors")
    parser.add_argument("--commits", type=Path, help='file of "owner/name commit" lines')
    args = parser.parse_args(argv)
    # The reviews run in an empty folder: a relative path to an executable is from here.
    for name in ("before", "after"):
        given = getattr(args, name)
        if "/" in given:
            setattr(args, name, str(Path(given).resolve()))
    differ = findings = 0
    with tempfile.TemporaryDirectory() as cwd:  # no .github/bastion.yml: the default config
        for label, review_args in inputs(args):
            before = review(args.before, review_args, Path(cwd))
            after = review(args.after, review_args, Path(cwd))
            same = before == after
            differ += not same
            count = len(before["findings"]) if isinstance(before, dict) else before
            findings += count if isinstance(count, int) else 0
            print(f"{'same' if same else 'DIFFERENT'}  {label}  findings: {count}", flush=True)
    print(f"{differ} input(s) differ; {findings} findings compared")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
