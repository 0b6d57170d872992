"""Security findings per 1,000 lines on real Java, Kotlin, C# and Scala repositories.

Every source file of each repository (tests left out) is reviewed as newly added, with
the LLM off, the way `bench/noise_bench.py` does for Python and npm packages. Mature
code is mostly fine, so what the security rules report there is mostly noise: the
number to watch is findings per 1,000 reviewed lines, and each finding is listed for a
person to judge.

    .venv/bin/python bench/jvm_real_code.py GIT_DIR [GIT_DIR ...] [--samples out.tsv]

Each GIT_DIR is a clone (bare or not) read at HEAD with `git show`; nothing is written
into this repository.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import RepoConfig  # noqa: E402
from bot.diff import added_file  # noqa: E402
from bot.models import Category, ChangedFile  # noqa: E402
from bot.pipeline import review_files  # noqa: E402
from bot.select import is_test_path  # noqa: E402

SOURCES = re.compile(r"\.(?:java|kt|cs|scala)$|(?:^|/)conf/[^/]+\.conf$")
BATCH = 200


def _git(git_dir: str, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True).stdout


def source_files(git_dir: str) -> list[ChangedFile]:
    names = _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
    files = []
    for name in names:
        if not SOURCES.search(name) or is_test_path(name):
            continue
        try:
            text = _git(git_dir, "show", f"HEAD:{name}").decode("utf-8")
        except UnicodeDecodeError:
            continue
        files.append(added_file(name, text))
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("git_dirs", nargs="+")
    parser.add_argument("--samples", help="write every finding here (tab-separated)")
    args = parser.parse_args()
    by_rule: Counter[str] = Counter()
    rows: list[str] = []
    total = 0
    print("| repository | files | lines | security findings | per 1,000 lines |")
    print("|---|---:|---:|---:|---:|")
    for git_dir in args.git_dirs:
        files = source_files(git_dir)
        lines = found = 0
        for start in range(0, len(files), BATCH):
            batch = files[start : start + BATCH]
            review = review_files(batch, RepoConfig(llm=False))
            skipped = {s.path for s in review.skipped}
            lines += sum(
                len((f.content or "").splitlines()) for f in batch if f.path not in skipped
            )
            texts = {f.path: (f.content or "").splitlines() for f in batch}
            for finding in review.findings:
                if finding.category is not Category.SECURITY:
                    continue
                found += 1
                by_rule[finding.rule] += 1
                source = texts.get(finding.path, [])
                text = source[finding.line - 1].strip() if finding.line <= len(source) else ""
                rows.append(
                    f"{git_dir}\t{finding.path}:{finding.line}\t{finding.rule}\t"
                    f"{finding.severity.value}\t{text[:160]}"
                )
        total += lines
        rate = 1000 * found / lines if lines else 0.0
        where = Path(git_dir)
        name = where.parent.name if where.name in ("repo", ".git") else where.name
        print(f"| {name} | {len(files)} | {lines} | {found} | {rate:.2f} |")
    print()
    print("| rule | findings |")
    print("|---|---:|")
    for rule, count in by_rule.most_common():
        print(f"| {rule} | {count} |")
    findings = sum(by_rule.values())
    print(
        f"\n{findings} security findings in {total} lines: "
        f"{1000 * findings / max(total, 1):.2f} per 1,000 lines"
    )
    if args.samples:
        Path(args.samples).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
