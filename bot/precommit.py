"""`python -m bot.precommit [bastion review options]`: review the staged changes.

The pre-commit hook entry: the staged diff (`git diff --cached`) goes through
`bastion review` unchanged, so exit codes and options are the same (0 clean,
1 a finding at or above `--fail-on`, 2 bad usage). The LLM stays off unless
`--llm` is given: a commit hook should be fast and work offline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence

GIT_TIMEOUT_S = 60


class StagedDiffError(Exception):
    pass


def staged_diff(repo: str = ".") -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", repo, "diff", "--cached", "--no-color", "--no-ext-diff", "-M", "--"],
            capture_output=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
        )
    except FileNotFoundError:
        raise StagedDiffError("the git command is not installed") from None
    except subprocess.TimeoutExpired:
        raise StagedDiffError(f"git diff --cached took over {GIT_TIMEOUT_S} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode(errors="replace").strip().splitlines()
        raise StagedDiffError(f"git diff --cached failed: {lines[-1] if lines else 'error'}")
    return done.stdout


def review_arguments(argv: Sequence[str], diff_file: str) -> list[str]:
    """`bastion review` arguments: the diff file, the user's options, `--no-llm`
    unless `--llm` asks for the agent."""
    options = [a for a in argv if a != "--llm"]
    if "--llm" not in argv and "--no-llm" not in options:
        options.append("--no-llm")
    return ["review", diff_file, *options]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        diff = staged_diff()
    except StagedDiffError as exc:
        print(f"bastion: error: {exc}", file=sys.stderr)
        return 2
    if not diff.strip():
        return 0
    from bot.cli import main as cli_main

    handle, path = tempfile.mkstemp(prefix="bastion-staged-", suffix=".diff")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(diff)
        try:
            return cli_main(review_arguments(args, path))
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else 2
    finally:
        os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())
