"""The queue and the ledger, on SQLite always and on the real Redis at $REDIS_URL.

The worker is given a small job function of the test's own: that is its injection
point (the default is the GitHub side's `run_job`), not a mock of our code.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.jobs import ReviewJob
from bot.server import metrics
from bot.server.queue import JobQueue
from bot.server.store import JobRecord, RedisLedger, owner_is_dead, process_owner
from bot.server.worker import Worker, WorkerOptions, backoff_delay
from bot.settings import Settings

SETTINGS = Settings(GITHUB_TOKEN="t0ken-for-tests")
FAST = WorkerOptions(threads=2, backoff_base_s=0.0, poll_s=0.005, sweep_s=0.2, max_attempts=3)


@pytest.fixture(params=["sqlite", "redis"])
def queue(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[JobQueue]:
    if request.param == "sqlite":
        q = JobQueue(None, tmp_path / "data")
        yield q
        q.close()
        return
    url = request.getfixturevalue("redis_url")
    name = f"bastion-test-{uuid.uuid4().hex[:8]}"
    q = JobQueue(url, tmp_path, name=name, blocking=False)
    try:
        yield q
    finally:
        q.huey.flush()
        assert isinstance(q.ledger, RedisLedger)
        q.ledger.wipe()
        q.close()


def make_job(
    pr: int = 1, sha: str = "a" * 40, installation: int | None = 7, **kw: Any
) -> ReviewJob:
    fields: dict[str, Any] = {
        "delivery_id": kw.pop("delivery_id", str(uuid.uuid4())),
        "repo": "acme/api",
        "pr_number": pr,
        "head_sha": sha,
        "trigger": "synchronize",
        "installation_id": installation,
    }
    fields.update(kw)
    return ReviewJob(**fields)


def wait_for(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


def states(queue: JobQueue, ids: list[str]) -> list[str]:
    recs = [queue.ledger.get(i) for i in ids]
    return [r.state if r else "missing" for r in recs]


class Recorder:
    """A job function that remembers every call, optionally failing first."""

    def __init__(self, failures: list[BaseException] | None = None) -> None:
        self.calls: list[ReviewJob] = []
        self.failures = list(failures or [])
        self.lock = threading.Lock()

    def __call__(self, job: ReviewJob, settings: Settings) -> dict[str, Any]:
        with self.lock:
            self.calls.append(job)
            failure = self.failures.pop(0) if self.failures else None
        if failure is not None:
            raise failure
        return {"posted": 1}


def run_worker(queue: JobQueue, func: Any, options: WorkerOptions = FAST) -> Worker:
    worker = Worker(queue, SETTINGS, job_func=func, options=options)
    worker.start()
    return worker


# --- admission ------------------------------------------------------------------------


def test_delivery_ids_are_remembered(queue: JobQueue) -> None:
    job = make_job(delivery_id="d-1")
    assert queue.admit("d-1", job).status == "accepted"
    assert queue.admit("d-1", job).status == "duplicate"
    assert queue.admit("d-2", None).status == "recorded"
    assert queue.admit("d-2", None).status == "duplicate"
    assert queue.ledger.counts() == {"queued": 1}


def test_one_job_per_repo_pr_sha_trigger(queue: JobQueue) -> None:
    first = queue.admit("d-1", make_job(delivery_id="d-1"))
    again = queue.admit("d-2", make_job(delivery_id="d-2"))
    other_trigger = queue.admit("d-3", make_job(delivery_id="d-3", trigger="reopened"))
    assert again.status == "deduplicated" and again.job_id == first.job_id
    assert other_trigger.status == "accepted"
    assert queue.ledger.counts() == {"queued": 2}


def test_newer_sha_supersedes_queued_jobs_of_the_same_pr(queue: JobQueue) -> None:
    old = queue.admit("d-1", make_job(sha="a" * 40))
    other_pr = queue.admit("d-2", make_job(pr=2, sha="a" * 40))
    command = queue.admit(
        "d-3",
        make_job(
            sha=None,
            trigger="command",
            comment={"comment_id": 5, "body": "/review", "author": "dev"},
        ),
    )
    new = queue.admit("d-4", make_job(sha="b" * 40))
    assert new.superseded == (old.job_id,)
    ids = [old.job_id, other_pr.job_id, command.job_id, new.job_id]
    assert states(queue, [i for i in ids if i]) == ["superseded", "queued", "queued", "queued"]


def test_a_dead_job_can_be_asked_for_again(queue: JobQueue) -> None:
    first = queue.admit("d-1", make_job())
    assert first.job_id
    queue.ledger.give_up(first.job_id, "boom")
    again = queue.admit("d-2", make_job())
    assert again.status == "accepted" and again.job_id != first.job_id


# --- running ----------------------------------------------------------------------------


def test_each_accepted_job_runs_exactly_once(queue: JobQueue) -> None:
    recorder = Recorder()
    ids = [queue.admit(f"d-{n}", make_job(pr=n, installation=n)).job_id for n in range(1, 9)]
    for n in range(1, 9):  # redeliveries and same-SHA bursts add nothing
        queue.admit(f"d-{n}", make_job(pr=n, installation=n))
        queue.admit(f"again-{n}", make_job(pr=n, installation=n))
    worker = run_worker(queue, recorder)
    try:
        wait_for(lambda: states(queue, [i for i in ids if i]) == ["done"] * 8)
    finally:
        worker.stop()
    assert sorted(job.pr_number for job in recorder.calls) == list(range(1, 9))


def test_superseded_job_never_runs(queue: JobQueue) -> None:
    recorder = Recorder()
    queue.admit("d-1", make_job(sha="a" * 40))
    newest = queue.admit("d-2", make_job(sha="b" * 40)).job_id
    worker = run_worker(queue, recorder)
    try:
        wait_for(lambda: states(queue, [newest or ""]) == ["done"])
        time.sleep(0.1)
    finally:
        worker.stop()
    assert [job.head_sha for job in recorder.calls] == ["b" * 40]


def test_transient_errors_retry_honouring_retry_after_then_succeed(queue: JobQueue) -> None:
    recorder = Recorder([TransientGitHubError("502 from GitHub", retry_after_seconds=0.3)])
    job_id = queue.admit("d-1", make_job()).job_id or ""
    failed_at: list[float] = []
    worker = Worker(queue, SETTINGS, job_func=recorder, options=FAST)
    worker.process(job_id)  # first attempt, in this thread
    failed_at.append(time.time())
    rec = queue.ledger.get(job_id)
    assert rec is not None and rec.state == "queued" and rec.attempts == 1
    assert rec.not_before >= failed_at[0] + 0.3 - 0.05
    assert "502 from GitHub" in (rec.error or "")
    worker.process(job_id)  # a message arriving early must not run it before its time
    assert len(recorder.calls) == 1
    worker.start()
    try:
        wait_for(lambda: states(queue, [job_id]) == ["done"])
    finally:
        worker.stop()
    assert len(recorder.calls) == 2


def test_last_transient_failure_dead_letters_with_the_error(
    queue: JobQueue, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    errors: list[BaseException] = [
        TransientGitHubError(f"GitHub answered 503 (try {n})", retry_after_seconds=0.01)
        for n in range(1, 4)
    ]
    recorder = Recorder(errors)
    dead_before = metrics.JOBS.labels(outcome="dead")._value.get()
    job_id = queue.admit("d-dead", make_job()).job_id or ""
    worker = run_worker(queue, recorder)
    try:
        wait_for(lambda: states(queue, [job_id]) == ["dead"])
    finally:
        worker.stop()
    assert len(recorder.calls) == FAST.max_attempts
    rec = queue.ledger.get(job_id)
    assert rec is not None and "try 3" in (rec.error or "")
    assert metrics.JOBS.labels(outcome="dead")._value.get() == dead_before + 1
    _list_failed(queue, monkeypatch, capsys, job_id, "try 3")


def test_permanent_error_dead_letters_at_once(
    queue: JobQueue, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    recorder = Recorder([PermanentJobError("pull request 1 not found")])
    job_id = queue.admit("d-perm", make_job()).job_id or ""
    worker = run_worker(queue, recorder)
    try:
        wait_for(lambda: states(queue, [job_id]) == ["dead"])
    finally:
        worker.stop()
    assert len(recorder.calls) == 1
    _list_failed(queue, monkeypatch, capsys, job_id, "pull request 1 not found")


def _list_failed(
    queue: JobQueue,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    job_id: str,
    error: str,
) -> None:
    from bot.cli import main

    if queue.queue_url:
        monkeypatch.setenv("BASTION_QUEUE_URL", queue.queue_url)
        assert isinstance(queue.ledger, RedisLedger)
        # `bastion jobs` reads the default prefix; point it at this test's ledger
        monkeypatch.setattr(
            "bot.server.store.open_ledger",
            lambda url, data_dir, prefix="bastion": RedisLedger(url, prefix=queue.ledger.prefix),  # type: ignore[union-attr]
        )
    else:
        monkeypatch.delenv("BASTION_QUEUE_URL", raising=False)
        monkeypatch.setenv("BASTION_DATA_DIR", str(Path(queue.ledger.path).parent))  # type: ignore[attr-defined]
    capsys.readouterr()
    assert main(["jobs", "--failed"]) == 0
    out = capsys.readouterr().out
    assert job_id[:12] in out and error in out and "dead" in out


def test_per_installation_concurrency_is_bounded(queue: JobQueue) -> None:
    active: dict[int, int] = {}
    peak: dict[int, int] = {}
    lock = threading.Lock()

    def slow(job: ReviewJob, settings: Settings) -> None:
        inst = job.installation_id or 0
        with lock:
            active[inst] = active.get(inst, 0) + 1
            peak[inst] = max(peak.get(inst, 0), active[inst])
        time.sleep(0.15)
        with lock:
            active[inst] -= 1

    busy = [queue.admit(f"b-{n}", make_job(pr=n, installation=1)).job_id for n in range(1, 5)]
    calm = queue.admit("c-1", make_job(pr=99, installation=2)).job_id
    options = WorkerOptions(threads=4, per_installation=1, poll_s=0.005, backoff_base_s=0.0)
    worker = run_worker(queue, slow, options)
    try:
        wait_for(lambda: states(queue, [calm or ""]) == ["done"])
        assert states(queue, [i for i in busy if i]).count("done") < 4  # not starved behind
        wait_for(lambda: states(queue, [i for i in busy if i]) == ["done"] * 4)
    finally:
        worker.stop()
    assert peak[1] == 1


# --- crash and replay -------------------------------------------------------------------


def _leave_running(queue: JobQueue, job_id: str, owner: str, lease_s: float) -> JobRecord:
    claim = queue.ledger.claim(job_id, owner, lease_s, per_installation=5, max_attempts=5)
    assert claim.action == "run" and claim.record is not None
    return claim.record


def test_running_job_with_expired_lease_reruns_on_start(queue: JobQueue) -> None:
    job_id = queue.admit("d-crash", make_job()).job_id or ""
    queue.huey.flush()  # the message was taken by the worker that died
    _leave_running(queue, job_id, "other-host:4242:deadbeef:bastion-worker-0", lease_s=-1)
    recorder = Recorder()
    worker = run_worker(queue, recorder)
    try:
        wait_for(lambda: states(queue, [job_id]) == ["done"])
    finally:
        worker.stop()
    assert len(recorder.calls) == 1
    rec = queue.ledger.get(job_id)
    assert rec is not None and rec.attempts == 2


def test_running_job_of_a_dead_local_process_reruns_even_within_its_lease(
    queue: JobQueue,
) -> None:
    import subprocess
    import sys

    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    dead_pid = int(gone.stdout)
    host = process_owner().split(":")[0]
    owner = f"{host}:{dead_pid}:0123456789ab:bastion-worker-0"
    assert owner_is_dead(owner)
    job_id = queue.admit("d-kill9", make_job()).job_id or ""
    queue.huey.flush()
    _leave_running(queue, job_id, owner, lease_s=600)
    recorder = Recorder()
    worker = run_worker(queue, recorder)
    try:
        wait_for(lambda: states(queue, [job_id]) == ["done"])
    finally:
        worker.stop()
    assert len(recorder.calls) == 1


def test_live_lease_elsewhere_is_not_stolen(queue: JobQueue) -> None:
    job_id = queue.admit("d-live", make_job()).job_id or ""
    queue.huey.flush()
    _leave_running(queue, job_id, "other-host:1:feedface:bastion-worker-0", lease_s=600)
    recorder = Recorder()
    worker = Worker(queue, SETTINGS, job_func=recorder, options=FAST)
    assert worker.replay() == 0
    queue.submit(job_id)
    worker.run_pending()
    assert recorder.calls == []
    assert states(queue, [job_id]) == ["running"]


def test_queued_job_lost_from_the_queue_is_replayed_on_start(queue: JobQueue) -> None:
    job_id = queue.admit("d-lost", make_job()).job_id or ""
    queue.huey.flush()  # e.g. the process died between the ledger commit and the enqueue
    recorder = Recorder()
    worker = run_worker(queue, recorder)
    try:
        wait_for(lambda: states(queue, [job_id]) == ["done"])
    finally:
        worker.stop()
    assert len(recorder.calls) == 1


def test_replayed_copies_of_a_queued_message_run_once(queue: JobQueue) -> None:
    job_id = queue.admit("d-copies", make_job()).job_id or ""
    for _ in range(3):
        queue.submit(job_id)
    recorder = Recorder()
    worker = run_worker(queue, recorder)
    try:
        wait_for(lambda: states(queue, [job_id]) == ["done"])
        wait_for(lambda: queue.huey.pending_count() == 0)
    finally:
        worker.stop()
    assert len(recorder.calls) == 1


def test_a_job_that_keeps_killing_its_worker_is_dead_lettered(queue: JobQueue) -> None:
    job_id = queue.admit("d-poison", make_job()).job_id or ""
    for n in range(FAST.max_attempts):
        _leave_running(queue, job_id, f"other-host:{n}:cafe:w", lease_s=-1)
        queue.ledger.replayable()
    recorder = Recorder()
    worker = Worker(queue, SETTINGS, job_func=recorder, options=FAST)
    worker.replay()
    worker.run_pending()
    assert recorder.calls == []
    rec = queue.ledger.get(job_id)
    assert rec is not None and rec.state == "dead" and "gave up" in (rec.error or "")


# --- pure pieces ------------------------------------------------------------------------


def test_backoff_honours_retry_after_and_grows() -> None:
    assert backoff_delay(1, 120.0, base=15.0, ceiling=3600.0) == 120.0
    assert backoff_delay(1, None, base=15.0, ceiling=3600.0) == 15.0
    assert backoff_delay(3, None, base=15.0, ceiling=3600.0) == 60.0
    assert backoff_delay(3, 1.0, base=15.0, ceiling=3600.0) == 60.0
    assert backoff_delay(20, None, base=15.0, ceiling=3600.0) == 3600.0


def test_own_process_lease_is_alive() -> None:
    assert not owner_is_dead(process_owner("t"))
    assert not owner_is_dead("some-other-host:1:abc:w")
    assert owner_is_dead(None)
