"""`bastion review | rules | serve | worker | jobs | action`.

Start-up stays light: the top of this module imports only the standard library,
and each command imports what it needs, so reviewing a small diff never loads
the web server, the GitHub client or the Anthropic SDK.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

# Bastion uses no pydantic plugins; looking them up costs ~15 ms of every start-up.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

if TYPE_CHECKING:
    from bot.config import RepoConfig
    from bot.models import ChangedFile, ReviewResult
    from bot.pipeline import Reviewer

FORMATS = ("text", "json", "sarif", "markdown")
FAIL_ON = ("high", "medium", "low", "info", "never")
CATEGORIES = ("security", "indexing", "api-design")


class UsageError(Exception):
    """Bad usage or unreadable input: one line to the user, exit 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bastion",
        description="Review the backend half of a pull request: security, indexing, API design.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    review = sub.add_parser("review", help="review a diff file, stdin or a git range")
    review.add_argument("diff", nargs="?", metavar="DIFF_FILE", help="unified diff; '-' for stdin")
    review.add_argument("--git", metavar="BASE..HEAD", help="review a range of a git repository")
    review.add_argument("--repo", metavar="DIR", default=".", help="repository for --git")
    review.add_argument("--format", choices=FORMATS, default="text")
    review.add_argument("--output", metavar="FILE", help="write the report here, not stdout")
    review.add_argument(
        "--fail-on", choices=FAIL_ON, help="exit 1 at or above this severity (default: high)"
    )
    review.add_argument(
        "--category",
        action="append",
        nargs="+",
        metavar="C",
        help="only these categories (security, indexing, api-design)",
    )
    review.add_argument("--config", metavar="FILE", help="repo config (.github/bastion.yml)")
    review.add_argument("--no-llm", action="store_true", help="rule engine only")

    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    rules.add_argument("--output", metavar="FILE")

    serve = sub.add_parser("serve", help="run the GitHub App: webhook receiver and workers")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers", type=int, default=2, help="worker processes to run and supervise (0: none)"
    )
    serve.add_argument("--threads", type=int, default=2, help="job threads per worker process")

    worker = sub.add_parser("worker", help="run workers alone, for a shared (Redis) queue")
    worker.add_argument("--threads", type=int, default=None, help="job threads (default 2)")
    worker.add_argument("--workers", type=int, default=2, help="old name of --threads")
    worker.add_argument(
        "--metrics-port",
        type=int,
        metavar="PORT",
        help="serve /healthz, /readyz and /metrics on this port",
    )
    worker.add_argument("--metrics-host", default="127.0.0.1", help="address for --metrics-port")
    # Set by `bastion serve` for the worker processes it supervises.
    worker.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)
    worker.add_argument("--heartbeat-file", help=argparse.SUPPRESS)

    jobs = sub.add_parser("jobs", help="list queued, running and failed jobs")
    jobs.add_argument("--failed", action="store_true", help="only dead-lettered jobs")

    sub.add_parser("action", help="run inside a GitHub Actions workflow")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from importlib.metadata import version

        print(f"bastion {version('bastion-review')}")
        return 0
    try:
        if args.command == "review":
            return review_command(args)
        if args.command == "rules":
            from bot.rules.catalog import rules_command

            return rules_command(args)
        if args.command in ("serve", "worker", "jobs"):
            from bot.server import commands

            handler = getattr(commands, args.command)
            return int(handler(args))
        if args.command == "action":
            from bot.action import main as action_main

            return int(action_main())
    except UsageError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    parser.print_help()
    return 2


def _fail(message: str) -> NoReturn:
    print(f"bastion: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _read_diff(args: argparse.Namespace) -> bytes:
    if args.git:
        if args.diff:
            raise UsageError("give either DIFF_FILE or --git BASE..HEAD, not both")
        return _git_diff(Path(args.repo), args.git)
    if args.diff is None:
        raise UsageError("no diff given: pass DIFF_FILE, '-' for stdin, or --git BASE..HEAD")
    if args.diff == "-":
        return sys.stdin.buffer.read()
    path = Path(args.diff)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"cannot read {args.diff}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"cannot read {args.diff}: it is a directory") from None
    except OSError as exc:
        raise UsageError(f"cannot read {args.diff}: {exc.strerror or exc}") from None


def _git(repo: Path, *argv: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *argv], capture_output=True, timeout=120, check=False
        )
    except FileNotFoundError:
        raise UsageError("--git needs the git command, which is not installed") from None
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise UsageError(f"git {argv[0]} failed in {repo}: {detail[-1] if detail else 'error'}")
    return done.stdout


def _split_range(spec: str) -> tuple[str, str, bool]:
    if "..." in spec:
        base, head = spec.split("...", 1)
        return base, head or "HEAD", True
    if ".." in spec:
        base, head = spec.split("..", 1)
        return base, head or "HEAD", False
    raise UsageError(f"--git expects BASE..HEAD (for example main..HEAD), got {spec!r}")


def _git_diff(repo: Path, spec: str) -> bytes:
    base, head, merge_base = _split_range(spec)
    if not base:
        raise UsageError(f"--git expects BASE..HEAD with a base, got {spec!r}")
    if not repo.is_dir():
        raise UsageError(f"--repo {repo}: no such directory")
    rng = f"{base}...{head}" if merge_base else f"{base}..{head}"
    return _git(repo, "diff", "--no-color", "--no-ext-diff", "-M", rng, "--")


def _git_loader(repo: Path, rev: str, *, base: bool = False) -> Callable[[ChangedFile], str | None]:
    """File contents at a revision from git: post-change (HEAD) for the files selection
    keeps, or pre-change (BASE, under the file's previous path) for rules that compare."""

    def load(file: ChangedFile) -> str | None:
        path = (file.previous_path or file.path) if base else file.path
        try:
            data = _git(repo, "show", f"{rev}:{path}")
        except UsageError:
            return None
        if len(data) > 2_000_000 or b"\0" in data[:8000]:
            return None
        return data.decode("utf-8", errors="replace").replace("\r\n", "\n")

    return load


def _load_config(args: argparse.Namespace) -> RepoConfig:
    from bot.config import CONFIG_PATH, ConfigError, parse_config

    if args.config:
        path = Path(args.config)
        if not path.is_file():
            raise UsageError(f"--config {args.config}: no such file")
    else:
        path = Path(args.repo if args.git else ".") / CONFIG_PATH
        if not path.is_file():
            return parse_config(None)
    try:
        return parse_config(path.read_text(encoding="utf-8", errors="replace"), str(path))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _categories(args: argparse.Namespace) -> list[str] | None:
    if not args.category:
        return None
    flat = [c for group in args.category for part in group for c in part.split(",") if c]
    for name in flat:
        if name not in CATEGORIES:
            raise UsageError(f"unknown category {name!r}: use one of {', '.join(CATEGORIES)}")
    return flat


def _agent(args: argparse.Namespace, config: RepoConfig) -> tuple[Reviewer | None, str | None]:
    if args.no_llm:
        return None, None
    if not config.llm.enabled:
        return None, "switched off by the config (llm: false)"
    if not os.environ.get("ANTHROPIC_API_KEY"):
        return None, "no ANTHROPIC_API_KEY set (rule engine only)"
    try:
        from bot.agent import make_reviewer
    except ImportError:
        return None, "the agent is not available in this build"
    return make_reviewer(config)


def review_command(args: argparse.Namespace) -> int:
    from bot.config import FailOn
    from bot.diff import DiffError, decode
    from bot.models import Category
    from bot.pipeline import review_diff

    categories = _categories(args)
    config = _load_config(args)
    raw = _read_diff(args)
    fail_on = FailOn(args.fail_on) if args.fail_on else config.fail_on
    if not decode(raw).strip():
        print("bastion: the diff is empty: nothing to review", file=sys.stderr)
        if args.format != "text":
            from bot.models import ReviewResult

            _emit(ReviewResult(), args)
        return 0
    loader = base_loader = None
    if args.git:
        base, head, _ = _split_range(args.git)
        loader = _git_loader(Path(args.repo), head)
        base_loader = _git_loader(Path(args.repo), base, base=True)
    agent, off_reason = _agent(args, config)
    try:
        result = review_diff(
            raw,
            config,
            load_content=loader,
            load_base_content=base_loader,
            categories=[Category(c) for c in categories] if categories else None,
            agent=agent,
            agent_off_reason=off_reason,
        )
    except DiffError as exc:
        raise UsageError(f"malformed diff: {exc}") from None
    _emit(result, args)
    threshold = fail_on.threshold()
    if threshold is None:
        return 0
    failing = [f for f in result.findings if f.severity.at_least(threshold) and not f.dismissed]
    return 1 if failing else 0


def _emit(result: ReviewResult, args: argparse.Namespace) -> None:
    from bot.report import render

    to_file = bool(args.output)
    rules = None
    if args.format == "sarif":
        from bot.rules.engine import registry

        rules = registry().rules
    text = render(result, args.format, color=not to_file and sys.stdout.isatty(), rules=rules)
    if to_file:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


if __name__ == "__main__":
    sys.exit(main())
