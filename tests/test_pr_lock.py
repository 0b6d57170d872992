"""One review at a time per PR: in the ledger (SQLite and the real Redis at $REDIS_URL)
and end to end, workers running the real `run_job` against the GitHub fake."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from github_fake import (  # noqa: F401  (fixtures)
    DEFAULT_TOKEN,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
    typical_files,
    unsafe_rule_fixture,
)

from bot.github.commands import PERMISSIONS
from bot.jobs import CommentCommand, ReviewJob
from bot.server.queue import JobQueue
from bot.server.store import RedisLedger
from bot.server.worker import Worker, WorkerOptions
from bot.settings import Settings

REPO = "acme/shop"
HEAD = "a" * 40

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(params=["sqlite", "redis"])
def queue(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[JobQueue]:
    if request.param == "sqlite":
        q = JobQueue(None, tmp_path / "data")
        yield q
        q.close()
        return
    url = request.getfixturevalue("redis_url")
    q = JobQueue(url, tmp_path, name=f"bastion-test-{uuid.uuid4().hex[:8]}", blocking=False)
    try:
        yield q
    finally:
        q.huey.flush()
        assert isinstance(q.ledger, RedisLedger)
        q.ledger.wipe()
        q.close()


def pr_job(pr: int, trigger: str = "opened", comment_id: int | None = None) -> ReviewJob:
    fields: dict[str, Any] = {
        "delivery_id": str(uuid.uuid4()),
        "repo": REPO,
        "pr_number": pr,
        "head_sha": HEAD,
        "trigger": trigger,
        "installation_id": 7,
    }
    if comment_id is not None:
        fields.update(
            trigger="command",
            head_sha=None,
            comment=CommentCommand(comment_id=comment_id, body="/review", author="alice"),
        )
    return ReviewJob(**fields)


def admit(queue: JobQueue, *jobs: ReviewJob) -> list[str]:
    ids = [a.job_id for a in queue.ledger.admit_many([(j.delivery_id, j) for j in jobs])]
    assert all(ids)
    return [i for i in ids if i]


def claim(queue: JobQueue, job_id: str, lease_s: float = 60.0) -> str:
    return queue.ledger.claim(job_id, f"owner-{job_id}", lease_s, 10, 5).action


def test_second_job_of_a_pr_waits_while_the_first_runs(queue: JobQueue) -> None:
    opened, command, other_pr = admit(queue, pr_job(1), pr_job(1, comment_id=9), pr_job(2))
    assert claim(queue, opened) == "run"
    waiting = queue.ledger.claim(command, "w2", 60.0, 10, 5)
    assert waiting.action == "wait" and waiting.delay > 0
    assert claim(queue, other_pr) == "run"  # other PRs are not held up
    rec = queue.ledger.get(command)
    assert rec is not None and rec.state == "queued" and rec.attempts == 0
    queue.ledger.complete(opened, f"owner-{opened}", "ok")
    assert claim(queue, command) == "run"


def test_a_dead_workers_lease_frees_the_pr(queue: JobQueue) -> None:
    opened, command = admit(queue, pr_job(1), pr_job(1, comment_id=9))
    assert claim(queue, opened, lease_s=0.2) == "run"  # its worker dies: no heartbeat
    assert claim(queue, command) == "wait"
    time.sleep(0.3)
    assert claim(queue, command) == "run"


def test_opened_and_review_command_at_once_post_each_finding_once(
    github_fake: FakeGitHub, unsafe_rule: str, tmp_path: Path
) -> None:
    base, head = typical_files({"app/api/orders.py": (50,), "app/models.py": (12,)})
    install_pr(github_fake, REPO, 7, base, head, HEAD)
    github_fake.repos[REPO].permissions["alice"] = "write"
    # Posting is slow, as GitHub's is: both jobs would read the PR before either posts.
    github_fake.delays[("POST", r"/pulls/7/reviews$")] = 0.5
    PERMISSIONS.clear()
    settings = Settings(
        GITHUB_API_URL=github_fake.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        ANTHROPIC_API_KEY=None,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
    )
    queue = JobQueue(None, tmp_path / "data")
    worker = Worker(queue, settings, options=WorkerOptions(threads=2, poll_s=0.005))
    try:
        worker.start()
        ids = [a.job_id for a in queue.admit_many([
            ("d-opened", pr_job(7)),
            ("d-review", pr_job(7, comment_id=4242)),
        ])]  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            recs = [queue.ledger.get(i) for i in ids if i]
            if all(r is not None and r.state == "done" for r in recs):
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"jobs did not finish: {[r and r.state for r in recs]}")
    finally:
        worker.stop()
        queue.close()
        PERMISSIONS.clear()

    assert len(github_fake.successful_reviews(REPO, 7)) == 2  # one automatic, one asked for
    comments = github_fake.review_comments[(REPO, 7)]
    placed = sorted((c["path"], c["line"]) for c in comments)
    assert placed == [("app/api/orders.py", 50), ("app/models.py", 12)]
