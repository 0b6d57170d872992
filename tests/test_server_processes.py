"""`bastion serve` runs reviews in supervised worker processes, end to end on 127.0.0.1.

The GitHub fake holds the review's `POST pulls/{n}/reviews` until the test lets it go,
so a job is reliably mid-review when the test looks at (or kills) the process running
it. Which process holds a job is in the ledger: the lease owner is `host:pid:boot:thread`.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.responses import JSONResponse
from github_fake import FakeGitHub, install_pr
from test_server_end_to_end import (
    BASE,
    MIGRATION,
    ONE_PROBLEM,
    PR,
    REPO,
    Server,
    inline_lines,
    pr_event,
    wait_for,
)

from bot.server.store import JobRecord, open_ledger

pytestmark = pytest.mark.timeout(240)


class Gate:
    """Hold every `POST …/pulls/{n}/reviews` until `release()` (or `drop_held()`)."""

    def __init__(self, fake: FakeGitHub) -> None:
        self.open = threading.Event()
        self.waiting = 0
        self.dropped_up_to = 0  # requests held up to this number are answered 502

        @fake.app.middleware("http")
        async def hold(request: Any, call_next: Any) -> Any:
            if request.method == "POST" and re.search(r"/pulls/\d+/reviews$", request.url.path):
                self.waiting += 1
                number = self.waiting
                while not self.open.is_set():
                    await asyncio.sleep(0.02)
                if number <= self.dropped_up_to:
                    # The sender was killed mid-request: what it sent never became a review.
                    return JSONResponse({"message": "connection lost"}, status_code=502)
            return await call_next(request)

    def release(self) -> None:
        self.open.set()

    def drop_held(self) -> None:
        """Answer what is held now with an error; let later requests through."""
        self.dropped_up_to = self.waiting
        self.open.set()


@pytest.fixture
def gated() -> Iterator[tuple[FakeGitHub, Gate]]:
    gh = FakeGitHub()
    gate = Gate(gh)
    gh.start()
    try:
        yield gh, gate
    finally:
        gate.release()
        gh.stop()


def children(pid: int) -> set[int]:
    """Live child processes of `pid`, whichever of its threads started them."""
    tasks = Path(f"/proc/{pid}/task")
    if not tasks.exists():
        pytest.skip("needs Linux /proc to list child processes")
    found: set[int] = set()
    for task in tasks.iterdir():
        try:
            found |= {int(p) for p in (task / "children").read_text().split()}
        except OSError:  # the thread ended meanwhile
            continue
    return {p for p in found if alive(p)}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[1].startswith("Z"))


def running_jobs(data_dir: Path) -> list[JobRecord]:
    ledger = open_ledger(None, data_dir)
    try:
        return ledger.jobs(("running",))
    finally:
        ledger.close()


def owner_pid(rec: JobRecord) -> int:
    return int((rec.lease_owner or "").split(":")[1])


def test_a_review_runs_in_a_worker_process_not_in_the_receiver(
    gated: tuple[FakeGitHub, Gate], tmp_path: Path
) -> None:
    fake, gate = gated
    install_pr(fake, REPO, PR, BASE, {**BASE, MIGRATION: ONE_PROBLEM}, head_sha="4" * 40)
    data_dir = tmp_path / "data"
    server = Server(fake, data_dir, workers=2)
    try:
        assert server.post("pull_request", pr_event("opened", "4" * 40), "p-1").status_code == 202
        wait_for(lambda: gate.waiting == 1, 60, "the review was never posted")
        (rec,) = running_jobs(data_dir)
        pid = owner_pid(rec)
        assert pid != server.proc.pid
        assert pid in children(server.proc.pid)
        # The receiver answers while the review is in hand elsewhere.
        health = httpx.get(server.url + "/healthz", timeout=5).json()
        assert health == {"status": "ok", "worker_processes": 2, "expected": 2}
        gate.release()
        wait_for(lambda: len(fake.successful_reviews(REPO, PR)) == 1, 60, "no review posted")
        metrics = httpx.get(server.url + "/metrics", timeout=5).text
        assert re.search(r'^bastion_jobs_total\{outcome="done"\} 1\.0$', metrics, re.M), metrics
        assert re.search(r"^bastion_jobs_in_flight 0\.0$", metrics, re.M), metrics
        server.assert_logs_clean()
    finally:
        server.stop()


def test_kill_9_of_the_worker_process_mid_review_loses_nothing(
    gated: tuple[FakeGitHub, Gate], tmp_path: Path
) -> None:
    fake, gate = gated
    install_pr(fake, REPO, PR, BASE, {**BASE, MIGRATION: ONE_PROBLEM}, head_sha="5" * 40)
    data_dir = tmp_path / "data"
    server = Server(fake, data_dir, workers=1)
    try:
        assert server.post("pull_request", pr_event("opened", "5" * 40), "p-2").status_code == 202
        wait_for(lambda: gate.waiting == 1, 60, "the review was never posted")
        (rec,) = running_jobs(data_dir)
        victim = owner_pid(rec)
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: not alive(victim), 30, "the worker did not die")
        gate.drop_held()
        wait_for(lambda: len(fake.successful_reviews(REPO, PR)) == 1, 90, "the job was lost")
        time.sleep(1.0)  # room for a wrong second review to show up
        reviews = fake.successful_reviews(REPO, PR)
        assert len(reviews) == 1
        assert inline_lines(fake, reviews[0]) == [(MIGRATION, 2)]
        replacement = children(server.proc.pid)
        assert replacement and victim not in replacement
        log = server.log.read_text()
        assert "worker process exited; restarting it" in log
        ledger = open_ledger(None, data_dir)
        try:
            (done,) = ledger.jobs(("done",))
        finally:
            ledger.close()
        assert done.attempts == 2
    finally:
        server.stop()


def test_stopping_serve_stops_its_worker_processes(
    gated: tuple[FakeGitHub, Gate], tmp_path: Path
) -> None:
    fake, _ = gated
    server = Server(fake, tmp_path / "data", workers=2)
    try:
        wait_for(lambda: len(children(server.proc.pid)) == 2, 30, "no worker processes")
        workers = children(server.proc.pid)
        server.proc.send_signal(signal.SIGTERM)
        assert server.proc.wait(timeout=60) == 0
        wait_for(lambda: not any(alive(pid) for pid in workers), 30, "orphaned workers")
    finally:
        server.stop()


def test_workers_of_a_killed_serve_stop_by_themselves(
    gated: tuple[FakeGitHub, Gate], tmp_path: Path
) -> None:
    fake, _ = gated
    server = Server(fake, tmp_path / "data", workers=2)
    try:
        wait_for(lambda: len(children(server.proc.pid)) == 2, 30, "no worker processes")
        workers = children(server.proc.pid)
        server.kill9()
        wait_for(lambda: not any(alive(pid) for pid in workers), 60, "orphaned workers")
    finally:
        server.stop()
