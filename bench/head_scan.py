"""Whole-file security scan of a project's head commit, to find false-alarm classes.

Every backend source file of the head (tests, specs, vendored and generated code left
out) is reviewed as if a pull request added it whole, security rules only, no LLM. The
findings low and above (what would be posted inline) are written one per line, with the
flagged line's text, so a sample can be judged by reading the code around it.

    .venv/bin/python bench/head_scan.py --mirrors DIR --repos owner/name ... > scan.tsv
    .venv/bin/python bench/head_scan.py --sample 150 --seed 5 scan.tsv > sample.tsv
    .venv/bin/python bench/head_scan.py --mirrors DIR --repos ... --again scan.tsv > after.tsv

A file is added whole, so cross-file flows inside one batch are seen as a pull request
that adds those files together would see them.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EXTENSIONS = (".py", ".rb", ".go", ".ts", ".js", ".java", ".kt", ".scala", ".php", ".cs")
# Path parts that mark code no pull request's reader would call backend code.
SKIP_PARTS = {
    "test",
    "tests",
    "spec",
    "specs",
    "__tests__",
    "testing",
    "vendor",
    "node_modules",
    "dist",
    "build",
    "migrations",
    "migration",
    "static",
    "public",
    "assets",
    "frontend",
    "docs",
    "examples",
    "fixtures",
}
MAX_CHARS = 200_000
BATCH = 12


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


def backend_paths(repo: Path) -> list[str]:
    out = []
    for path in git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines():
        if not path.endswith(EXTENSIONS) or path.endswith((".d.ts", ".min.js", ".spec.ts")):
            continue
        parts = {p.lower() for p in path.split("/")[:-1]}
        name = path.rsplit("/", 1)[-1].lower()
        if parts & SKIP_PARTS or "test" in name or name.endswith("_spec.rb"):
            continue
        out.append(path)
    return out


def scan(mirrors: Path, name: str, limit: int, only: set[str] | None = None) -> None:
    from bot.diff import added_file
    from bot.models import Category, Severity
    from bot.pipeline import review_files

    repo = mirrors / name.replace("/", "+") / "repo"
    paths = backend_paths(repo)
    rng = random.Random(name)
    if limit and len(paths) > limit:
        paths = sorted(rng.sample(paths, limit))
    files = []
    for path in paths:
        try:
            text = git(repo, "show", f"HEAD:{path}")
        except (subprocess.CalledProcessError, UnicodeDecodeError):
            continue
        if len(text) <= MAX_CHARS:
            files.append(added_file(path, text))
    texts = {f.path: (f.content or "").split("\n") for f in files}
    for i in range(0, len(files), BATCH):
        batch = files[i : i + BATCH]
        if only is not None and not any(f"{name}\t{f.path}" in only for f in batch):
            continue  # `--again`: only the batches that had a finding before
        result = review_files(batch, categories=[Category.SECURITY])
        for f in result.findings:
            if f.severity is Severity.INFO or f.category is not Category.SECURITY:
                continue
            lines = texts.get(f.path, [])
            code = lines[f.line - 1].strip() if 0 < f.line <= len(lines) else ""
            cells = [name, f.path, str(f.line), f.rule, f.severity.value, f.title, code[:200]]
            print("\t".join(" ".join(c.split()) for c in cells), flush=True)
    print(f"# {name}: {len(files)} files", file=sys.stderr, flush=True)


def sample(scan_file: Path, n: int, seed: int) -> None:
    """Up to `n` rows, spread over rules: each rule gets its share, the rest at random."""
    rows = [r.split("\t") for r in scan_file.read_text(encoding="utf-8").splitlines() if r]
    by_rule: dict[str, list[list[str]]] = defaultdict(list)
    for r in rows:
        by_rule[r[3]].append(r)
    rng = random.Random(seed)
    share = max(n // max(len(by_rule), 1), 3)
    picked: list[list[str]] = []
    for rule in sorted(by_rule):
        group = by_rule[rule]
        picked += rng.sample(group, min(share, len(group)))
    rest = [r for r in rows if r not in picked]
    picked += rng.sample(rest, max(0, min(n - len(picked), len(rest))))
    for r in sorted(picked, key=lambda r: (r[3], r[0], r[1], int(r[2]))):
        print("\t".join(r))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scan", nargs="?", type=Path, help="with --sample: a scan's output")
    ap.add_argument("--mirrors", type=Path, help="DIR/<owner>+<name>/repo")
    ap.add_argument("--repos", nargs="*", default=[])
    ap.add_argument("--limit", type=int, default=400, help="files per project (0: all)")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument(
        "--again",
        type=Path,
        help="an earlier scan: review again only the batches with a finding in it",
    )
    args = ap.parse_args()
    if args.sample:
        sample(args.scan, args.sample, args.seed)
        return
    only = None
    if args.again:
        rows = [r.split("\t") for r in args.again.read_text(encoding="utf-8").splitlines()]
        only = {f"{r[0]}\t{r[1]}" for r in rows if len(r) > 1}
    for name in args.repos:
        scan(args.mirrors, name, args.limit, only)


if __name__ == "__main__":
    main()
