"""`bastion review | rules | serve | worker | jobs | action`.

Start-up stays light: the top of this module imports only the standard library,
and each command imports what it needs, so reviewing a small diff never loads
the web server, the GitHub client or the Anthropic SDK.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

# Bastion uses no pydantic plugins; looking them up costs ~15 ms of every start-up.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

if TYPE_CHECKING:
    from bot.config import RepoConfig
    from bot.gitrepo import GitRange, GitRepo
    from bot.models import ChangedFile, ReviewResult
    from bot.pipeline import Reviewer, RuleRunner
    from bot.rules.engine import Check

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
    review.add_argument(
        "--file-budget",
        type=_seconds,
        metavar="S",
        help="seconds the rule checks may spend on one file (default 20; BASTION_FILE_BUDGET_S)",
    )
    review.add_argument(
        "--review-budget",
        type=_seconds,
        metavar="S",
        help="seconds the rule checks may spend in all (default 120; BASTION_REVIEW_BUDGET_S)",
    )

    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    rules.add_argument("--output", metavar="FILE")
    rules_sub = rules.add_subparsers(dest="rules_command")
    new = rules_sub.add_parser("new", help="scaffold a rule: rule.yml, ast-grep rule, fixtures")
    new.add_argument("id", help="the rule id (lower case, digits, dashes)")
    new.add_argument("--lang", required=True, help="language of its ast-grep rule")
    new.add_argument(
        "--category", default="security", choices=("security", "indexing", "api-design")
    )
    new.add_argument("--team", action="store_true", help="a team rule under .github/bastion/rules/")
    new.add_argument("--root", default=".", help="the checkout to write into (default: here)")

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

    stats = sub.add_parser(
        "stats", help="feedback per rule: accepted, rejected, resolved by a fix, precision"
    )
    stats.add_argument("--repo", metavar="OWNER/NAME", help="one repository only")

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
        if args.command in ("review", "action"):
            _collect_garbage_less_often()
        if args.command == "review":
            return _review_safely(args)
        if args.command == "rules":
            from bot.rules.catalog import rules_command

            return rules_command(args)
        if args.command in ("serve", "worker", "jobs"):
            from bot.server import commands

            handler = getattr(commands, args.command)
            return int(handler(args))
        if args.command == "stats":
            from bot.server.feedback_report import stats_command

            return stats_command(args)
        if args.command == "action":
            from bot.action import main as action_main

            return int(action_main())
    except UsageError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    parser.print_help()
    return 2


# Young objects between collections of the youngest generation (CPython's default: 700).
# Above what the large benchmark PR allocates (~700k), so a review of that size never
# runs the collector; a far larger one still does.
_GC_YOUNG_THRESHOLD = 1_000_000


def _collect_garbage_less_often() -> None:
    """A review builds many small objects that live until it ends (diff lines, syntax
    trees, findings) and leaves little cyclic garbage, so with the default thresholds
    the cycle collector keeps rescanning live objects. Each collection of the youngest
    generation scans every object allocated since the last one, so a higher threshold
    only helps when no collection is left at all: at 50,000 the large benchmark PR
    still paid 14 of them, ~0.15 s of CPU. Peak memory of that review grows by ~1.5
    MB, since reference counting still frees everything acyclic at once. Never for
    `serve`/`worker`, which live for days."""
    import gc

    _, middle, old = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG_THRESHOLD, max(middle, 20), max(old, 20))


def _seconds(text: str) -> float:
    from bot.isolation import parse_budget

    try:
        return parse_budget(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _review_safely(args: argparse.Namespace) -> int:
    """Whatever fails during a review is one line naming it, never a traceback: the
    engines already turn their own failures into notes, so this is the last guard."""
    try:
        return review_command(args)
    except (UsageError, KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        from bot.rules.engine import describe

        print(f"bastion: error: the review failed: {describe(exc)}", file=sys.stderr)
        return 2


def _rule_runner(args: argparse.Namespace) -> RuleRunner | None:
    """The rule engine runs in a forked child under the time budgets: a check stuck on
    one hostile file is stopped and named, and the rest of the review still prints.
    Forking costs a few milliseconds here (the analyzers are already imported and
    this process has no threads); without fork, the checks run in this process."""
    import multiprocessing

    from bot.isolation import (
        DEFAULT_FILE_BUDGET_S,
        DEFAULT_REVIEW_BUDGET_S,
        FILE_BUDGET_ENV,
        REVIEW_BUDGET_ENV,
        budgeted_rule_runner,
        parse_budget,
    )

    def budget(flag: float | None, env: str, default: float) -> float:
        if flag is not None:
            return flag
        try:
            return parse_budget(os.environ.get(env) or default)
        except ValueError as exc:
            raise UsageError(f"{env}: {exc}") from None

    file_s = budget(args.file_budget, FILE_BUDGET_ENV, DEFAULT_FILE_BUDGET_S)
    review_s = budget(args.review_budget, REVIEW_BUDGET_ENV, DEFAULT_REVIEW_BUDGET_S)
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    # Two children on two cores: the units split by file (`bot.isolation._split`).
    lanes = 2 if (os.cpu_count() or 1) >= 2 else 1
    return budgeted_rule_runner(file_s, review_s, start_method="fork", lanes=lanes)


def _fail(message: str) -> NoReturn:
    print(f"bastion: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _read_diff(args: argparse.Namespace, git: tuple[GitRepo, GitRange] | None) -> bytes:
    if git is not None:
        return _git_diff(*git)
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


def _git_repo(args: argparse.Namespace) -> tuple[GitRepo, GitRange]:
    from bot.gitrepo import GitError, GitRepo, parse_range

    try:
        rng = parse_range(args.git)
        repo = GitRepo(Path(args.repo))
        repo.verify_range(rng)
    except GitError as exc:
        raise UsageError(str(exc)) from None
    return repo, rng


def _git_diff(repo: GitRepo, rng: GitRange) -> bytes:
    from bot.gitrepo import GitError

    try:
        return repo.diff(rng)
    except GitError as exc:
        raise UsageError(str(exc)) from None


def _git_loader(
    repo: GitRepo, rev: str, *, base: bool = False
) -> Callable[[ChangedFile], str | None]:
    """File contents at a revision from git: post-change (HEAD) for the files selection
    keeps, or pre-change (BASE, under the file's previous path) for rules that compare."""
    from bot.gitrepo import GitError

    def load(file: ChangedFile) -> str | None:
        path = (file.previous_path or file.path) if base else file.path
        try:
            data = repo.blob(rev, path)
        except GitError:
            return None
        return _text(data)

    return load


_MAX_FILE_BYTES = 2_000_000


def _text(data: bytes) -> str | None:
    if len(data) > _MAX_FILE_BYTES or b"\0" in data[:8000]:
        return None
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n")


def _git_ref_reader(repo: GitRepo, rng: GitRange) -> Callable[[str, str], str | None]:
    """Files a spec `$ref`s, read at the side being compared (BASE or HEAD)."""
    from bot.gitrepo import GitError

    def read(path: str, side: str) -> str | None:
        try:
            entry = repo.entry(rng.base if side == "base" else rng.head, path)
            if entry is None or entry.kind != "blob" or entry.is_symlink:
                return None
            return _text(repo.blob_by_id(entry.oid))
        except GitError:
            return None

    return read


def _git_schema_files(repo: GitRepo, rev: str) -> tuple[dict[str, str] | None, str | None]:
    """The schema-bearing files of the repository at HEAD (path -> text) for the schema
    model, and a note when they could not be read or were capped."""
    from bot.gitrepo import GitError
    from bot.pipeline import pick_schema_files, schema_cap_note

    try:
        sizes = repo.files(rev)
        picked, left_out = pick_schema_files(p for p, n in sizes.items() if n <= _MAX_FILE_BYTES)
        blobs = repo.blobs(rev, picked, _MAX_FILE_BYTES)
    except GitError as exc:
        return None, f"The schema model was not built ({exc}); indexing checks used the diff only."
    texts = {path: text for path, data in blobs.items() if (text := _text(data)) is not None}
    return texts, schema_cap_note(left_out) if left_out else None


def _git_released(repo: GitRepo, rev: str) -> Callable[[str], bool | None]:
    """Whether a file is part of a release tag reachable from HEAD, asked of git only
    for the few migrations a finding points at, and once per file."""
    from functools import lru_cache

    @lru_cache(maxsize=64)
    def released(path: str) -> bool | None:
        return repo.released(rev, path)

    return released


def _load_config(args: argparse.Namespace, git: tuple[GitRepo, GitRange] | None) -> RepoConfig:
    from bot.config import CONFIG_PATH, ConfigError, parse_config, parse_config_bytes

    try:
        if args.config:
            return parse_config_bytes(
                _read_config_file(Path(args.config), "--config "), args.config
            )
        if git is not None:
            # Like the App, the config of the base revision: the change under review
            # cannot switch its own review off, and a link is never followed.
            repo, rng = git
            return parse_config_bytes(_config_at(repo, rng.base), f"{rng.base}:{CONFIG_PATH}")
        path = Path(CONFIG_PATH)
        if not path.exists() and not path.is_symlink():
            return parse_config(None)
        if path.is_symlink() and not _inside(path, Path.cwd()):
            raise UsageError(f"{path}: a link to a file outside this directory; not followed")
        return parse_config_bytes(_read_config_file(path), str(path))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _team_rule_files(git: tuple[GitRepo, GitRange] | None) -> list[tuple[str, str]]:
    """A team's own rules: `.github/bastion/rules/*.yml` of the base revision with
    --git (like the config), else of the working directory."""
    from bot.gitrepo import GitError
    from bot.rules.loader import MAX_TEAM_RULE_CHARS, TEAM_RULES_DIR, is_team_rule_file

    if git is not None:
        repo, rng = git
        try:
            paths = [p for p in repo.files(rng.base) if is_team_rule_file(p)]
            blobs = repo.blobs(rng.base, paths, MAX_TEAM_RULE_CHARS * 4)
        except GitError as exc:
            raise UsageError(f"{rng.base}:{TEAM_RULES_DIR}: {exc}") from None
        return [(p, data.decode("utf-8", errors="replace")) for p, data in blobs.items()]
    folder = Path(TEAM_RULES_DIR)
    if not folder.is_dir():
        return []
    return [
        (f"{TEAM_RULES_DIR}/{entry.name}", entry.read_text(encoding="utf-8", errors="replace"))
        for entry in sorted(folder.iterdir())
        if entry.is_file()
        and not entry.is_symlink()
        and is_team_rule_file(f"{TEAM_RULES_DIR}/{entry.name}")
    ]


def _team_checks(git: tuple[GitRepo, GitRange] | None) -> list[Check]:
    """The team's valid rules, for this review only; each bad file is one line on
    stderr, like a config error, and the other rules still run."""
    files = _team_rule_files(git)
    if not files:
        return []
    from bot.rules.declarative import team_checks

    checks, errors = team_checks(files)
    for error in errors:
        print(f"bastion: {error}", file=sys.stderr)
    return checks


def _read_config_file(path: Path, flag: str = "") -> bytes:
    from bot.config import MAX_CONFIG_CHARS

    try:
        if path.is_dir():
            raise UsageError(f"{flag}{path}: is a directory, not a config file")
        if not path.exists():
            raise UsageError(f"{flag}{path}: no such file")
        if not path.is_file() and not flag:
            # A FIFO or device where a checkout keeps its config; `--config <(...)` is fine.
            raise UsageError(f"{flag}{path}: not a regular file")
        with path.open("rb") as handle:
            # One byte past the limit is enough to know it is too large.
            return handle.read(MAX_CONFIG_CHARS * 4 + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {flag}{path}: {exc.strerror or exc}") from None


def _config_at(repo: GitRepo, rev: str) -> bytes | None:
    from bot.config import CONFIG_PATH, MAX_CONFIG_CHARS
    from bot.gitrepo import GitError

    source = f"{rev}:{CONFIG_PATH}"
    try:
        entry = repo.entry(rev, CONFIG_PATH)
        if entry is None:
            return None
        if entry.is_symlink:
            raise UsageError(f"{source}: a symbolic link; Bastion reads only a regular file")
        if entry.kind != "blob":
            raise UsageError(f"{source}: is a {entry.kind}, not a config file")
        if entry.size is not None and entry.size > MAX_CONFIG_CHARS * 4:
            raise UsageError(f"{source}: too large ({entry.size:,} bytes)")
        return repo.blob_by_id(entry.oid)
    except GitError as exc:
        raise UsageError(str(exc)) from None


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


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
    from bot.agent import llm_unavailable, make_reviewer

    off = llm_unavailable(config)
    if off is not None:
        return None, off
    return make_reviewer(config)


def review_command(args: argparse.Namespace) -> int:
    from bot.config import FailOn
    from bot.diff import DiffError, decode
    from bot.models import Category
    from bot.pipeline import review_diff

    categories = _categories(args)
    git = None
    if args.git:
        if args.diff:
            raise UsageError("give either DIFF_FILE or --git BASE..HEAD, not both")
        git = _git_repo(args)
    config = _load_config(args, git)
    team = _team_checks(git)
    runner = _rule_runner(args)
    raw = _read_diff(args, git)
    fail_on = FailOn(args.fail_on) if args.fail_on else config.fail_on
    if not decode(raw).strip():
        print("bastion: the diff is empty: nothing to review", file=sys.stderr)
        if args.format != "text":
            from bot.models import ReviewResult

            _emit(ReviewResult(), args)
        return 0
    loader = base_loader = ref_reader = None
    schema_files: dict[str, str] | None = None
    schema_note: str | None = None
    released: Callable[[str], bool | None] | None = None
    if git is not None:
        repo, rng = git
        loader = _git_loader(repo, rng.head)
        base_loader = _git_loader(repo, rng.base, base=True)
        ref_reader = _git_ref_reader(repo, rng)
        schema_files, schema_note = _git_schema_files(repo, rng.head)
        released = _git_released(repo, rng.head)
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
            rule_runner=runner,
            load_ref=ref_reader,
            schema_files=schema_files,
            extra_checks=team,
            released=released,
        )
    except DiffError as exc:
        raise UsageError(f"malformed diff: {exc}") from None
    if schema_note:
        result = result.model_copy(update={"notes": [schema_note, *result.notes]})
    _emit(result, args, team)
    threshold = fail_on.threshold()
    if threshold is None:
        return 0
    failing = [f for f in result.findings if f.severity.at_least(threshold) and not f.dismissed]
    return 1 if failing else 0


def _emit(result: ReviewResult, args: argparse.Namespace, team: Sequence[Check] = ()) -> None:
    from bot.report import render

    to_file = bool(args.output)
    rules = None
    if args.format == "sarif":
        from bot.rules.engine import registry

        # A team's rules are described in the report like the built-in ones.
        rules = registry().with_checks(team).rules
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
