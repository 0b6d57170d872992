"""GitHub API calls and wall time of one review job against the GitHub fake.

A typical PR: 7 changed files, ~300 changed lines, two of them frontend/docs,
the LLM off, the real rule engine. Wall time is `run_job` from start to the
review and check run posted (what a worker spends after dequeue).

    .venv/bin/python bench/github_calls.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from github_fake import (  # noqa: E402
    DEFAULT_TOKEN,
    _unsafe_check,
    install_pr,
    make_diff,
    start_fake,
    typical_files,
)

from bot.github.job import run_job  # noqa: E402
from bot.jobs import ReviewJob  # noqa: E402
from bot.settings import Settings  # noqa: E402


def one_run(number: int) -> tuple[int, float, Counter[str], int]:
    fake = start_fake()
    try:
        base, head = typical_files()
        head_sha = f"{number:040x}"
        pr = install_pr(fake, "acme/shop", number, base, head, head_sha)
        changed = sum(
            1
            for line in pr.diff.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        )
        settings = Settings(
            GITHUB_API_URL=fake.url, GITHUB_TOKEN=DEFAULT_TOKEN, ANTHROPIC_API_KEY=None
        )
        job = ReviewJob(
            delivery_id=f"bench-{number}",
            repo="acme/shop",
            pr_number=number,
            head_sha=head_sha,
            trigger="opened",
        )
        started = time.perf_counter()
        outcome = run_job(job, settings)
        elapsed = time.perf_counter() - started
        assert outcome.status == "posted", outcome
        kinds = Counter(f"{r.method} {_kind(r.path)}" for r in fake.requests)
        return len(fake.requests), elapsed, kinds, changed
    finally:
        fake.stop()


def push_run(number: int) -> tuple[int, Counter[str], int]:
    """The feedback loop's cost: a PR reviewed at one head with two findings, a 👎 on one,
    then a push that fixes the other. Counts the second (synchronize) job's calls:
    one GraphQL query reads the threads and reactions, one GraphQL document replies to
    and resolves the fixed thread."""
    from bot.rules.engine import add_check, remove_check

    fake = start_fake()
    check = add_check(_unsafe_check())
    try:
        unsafe = {"app/api/orders.py": (50,), "app/models.py": (30,)}
        base, head1 = typical_files(unsafe)
        sha1, sha2 = f"{number:040x}", f"{number + 1:040x}"
        install_pr(fake, "acme/shop", number, base, head1, sha1)
        settings = Settings(
            GITHUB_API_URL=fake.url, GITHUB_TOKEN=DEFAULT_TOKEN, ANTHROPIC_API_KEY=None
        )

        def job(sha: str, trigger: str) -> ReviewJob:
            return ReviewJob(
                delivery_id=f"bench-{sha}",
                repo="acme/shop",
                pr_number=number,
                head_sha=sha,
                trigger=trigger,  # type: ignore[arg-type]
            )

        run_job(job(sha1, "opened"), settings)
        first = fake.review_comments[("acme/shop", number)][0]
        fake.react_review_comment(first["id"], "alice", "THUMBS_DOWN")
        _, head2 = typical_files({"app/models.py": (30,)})
        install_pr(fake, "acme/shop", number, base, head2, sha2)
        fake.repos["acme/shop"].compares[(sha1, sha2)] = ("ahead", make_diff(head1, head2))
        before = len(fake.requests)
        outcome = run_job(job(sha2, "synchronize"), settings)
        assert outcome.status == "posted" and outcome.threads_resolved == 1, outcome
        calls = fake.requests[before:]
        return len(calls), Counter(f"{r.method} {_kind(r.path)}" for r in calls), 1
    finally:
        remove_check(check)
        fake.stop()


def _kind(path: str) -> str:
    parts = path.split("/")
    if "contents" in parts:
        return "contents"
    if "compare" in parts:
        return "compare"
    if parts[-1] == "graphql":
        return "graphql"
    return "/".join(p if not p.isdigit() else "{n}" for p in parts[4:]) or path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # The first run also imports the analyzers; report it apart.
    cold_calls, cold, kinds, changed = one_run(1)
    warm = [one_run(n + 2)[1] for n in range(args.runs)]
    print(f"typical PR: 7 files, {changed} changed lines, 2 frontend/docs, LLM off")
    print(f"GitHub API calls per review: {cold_calls}")
    for kind, count in sorted(kinds.items()):
        print(f"  {count:3d}  {kind}")
    print(f"wall time, first job in the process (imports analyzers): {cold * 1000:.0f} ms")
    print(
        f"wall time, warm worker: median {statistics.median(warm) * 1000:.0f} ms, "
        f"max {max(warm) * 1000:.0f} ms over {len(warm)} runs"
    )
    sync_calls, sync_kinds, resolved = push_run(100)
    print(
        "push that fixes 1 of 2 findings (a 👎 on the other), synchronize review: "
        f"{sync_calls} GitHub API calls, {resolved} thread resolved"
    )
    for kind, count in sorted(sync_kinds.items()):
        print(f"  {count:3d}  {kind}")


if __name__ == "__main__":
    main()
