"""Worker threads: take job ids off Huey, claim them in the ledger, run them.

The worker does not know what a review is: it calls a job function (by default
`bot.github.job.run_job`) and turns its result into ledger states — `done`, a retry
with back-off honouring the error's `retry_after_seconds`, or `dead` with the error.
Huey supplies storage and (de)serialisation; this module supplies the loop, because
Huey's own consumer takes over the process's signals, which `bastion serve` leaves to
uvicorn.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.jobs import ReviewJob
from bot.server import metrics
from bot.server.logs import Outage, log_context, redact
from bot.server.queue import JobQueue
from bot.server.store import process_owner
from bot.settings import Settings

log = logging.getLogger("bastion.worker")

JobFunc = Callable[[ReviewJob, Settings], Any]


@dataclass(frozen=True)
class WorkerOptions:
    threads: int = 2
    lease_s: float = 120.0  # renewed every third of it while the job runs
    max_attempts: int = 5
    per_installation: int = 2  # jobs of one installation running at once, all workers
    backoff_base_s: float = 15.0
    backoff_max_s: float = 3600.0
    poll_s: float = 0.02
    sweep_s: float = 30.0  # how often expired leases of dead workers are looked for
    stale_s: float = 60.0  # a loop heartbeat older than this means the worker is stuck
    parent_pid: int | None = None  # stop when this process (`bastion serve`) is gone
    heartbeat_path: str | None = None  # touched every second, for a supervising process


def backoff_delay(attempt: int, retry_after: float | None, base: float, ceiling: float) -> float:
    """Exponential from `base`, never sooner than the server asked (`Retry-After`)."""
    exponential = base * (2 ** max(attempt - 1, 0))
    return max(0.0, min(max(exponential, retry_after or 0.0), ceiling))


def describe_outcome(outcome: Any) -> str:
    if outcome is None:
        return "ok"
    if hasattr(outcome, "model_dump_json"):
        text = str(outcome.model_dump_json())
    elif dataclasses.is_dataclass(outcome) and not isinstance(outcome, type):
        text = json.dumps(dataclasses.asdict(outcome), default=str)
    else:
        text = str(outcome)
    return redact(text)[:2000]


def describe_error(exc: BaseException) -> str:
    return redact(f"{type(exc).__name__}: {exc}")[:2000]


def _first(exc: ValueError) -> str:
    """The first problem of a validation error, on one line, for the ledger and the log."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "job"
            return redact(f"{where}: {first['msg']}")[:500]
        except (IndexError, KeyError, TypeError):
            pass
    return describe_error(exc)[:500]


def _default_job_func() -> JobFunc:
    from bot.github.job import run_job_with_feedback

    return run_job_with_feedback


class Worker:
    def __init__(
        self,
        queue: JobQueue,
        settings: Settings,
        job_func: JobFunc | None = None,
        options: WorkerOptions | None = None,
    ) -> None:
        self.queue = queue
        self.settings = settings
        self.options = options or WorkerOptions()
        self._job_func = job_func
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._running: dict[str, str] = {}  # job id -> lease owner, for the heartbeat
        self._running_lock = threading.Lock()
        self._beat = time.monotonic()
        self.store = Outage(log, "queue")
        queue.set_handler(self.process)

    @property
    def job_func(self) -> JobFunc:
        if self._job_func is None:
            self._job_func = _default_job_func()
        return self._job_func

    # --- lifecycle ------------------------------------------------------------------

    def replay(self, include_queued: bool = True) -> int:
        """Put unfinished ledger jobs back on the queue; returns how many.

        A queued job may already have its message on Huey: the copy is harmless, as
        only one message can claim the job.
        """
        now = time.time()
        recs = self.queue.ledger.replayable(include_queued=include_queued)
        for rec in recs:
            self.queue.submit(rec.id, delay=max(0.0, rec.not_before - now))
        if recs:
            log.info("replayed unfinished jobs", extra={"count": len(recs)})
        return len(recs)

    def start(self) -> None:
        self.job_func  # noqa: B018 - fail at start, not on the first job, if it is missing
        count_github_calls()
        self.replay()
        self._stop.clear()
        for n in range(self.options.threads):
            t = threading.Thread(target=self._consume, name=f"bastion-worker-{n}", daemon=True)
            t.start()
            self._threads.append(t)
        t = threading.Thread(target=self._housekeeping, name="bastion-scheduler", daemon=True)
        t.start()
        self._threads.append(t)
        log.info("workers started", extra={"threads": self.options.threads})

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        deadline = time.monotonic() + timeout
        for t in self._threads:
            t.join(max(0.0, deadline - time.monotonic()))
        self._threads = [t for t in self._threads if t.is_alive()]

    def wait(self) -> None:
        while not self._stop.wait(0.5):
            pass

    def health(self) -> tuple[bool, str]:
        """Liveness: the housekeeping loop beat recently and no worker thread has died."""
        if not self._threads:
            return False, "not started"
        dead = [t.name for t in self._threads if not t.is_alive()]
        if dead:
            return False, f"threads stopped: {', '.join(dead)}"
        age = time.monotonic() - self._beat
        if age > self.options.stale_s:
            return False, f"loop heartbeat {age:.0f} s old"
        return True, "ok"

    # --- loops ----------------------------------------------------------------------

    def _consume(self) -> None:
        idle = self.options.poll_s
        while not self._stop.is_set():
            try:
                task = self.queue.huey.dequeue()
            except Exception as exc:  # noqa: BLE001 - the store may come back; keep the thread
                self.store.failed(exc)
                self._stop.wait(1.0)
                continue
            self.store.ok()
            if task is None:
                if not self.queue.blocking:
                    self._stop.wait(idle)
                    idle = min(idle * 2, 0.25)
                continue
            idle = self.options.poll_s
            self.queue.huey.execute(task)

    def _housekeeping(self) -> None:
        last_sweep = last_beat = last_prune = last_touch = time.monotonic()
        while not self._stop.wait(0.1):
            now = self._beat = time.monotonic()
            if now - last_touch >= 1.0:
                last_touch = now
                self._touch()
                if self._orphaned():
                    log.warning("the serving process is gone; stopping")
                    self._stop.set()
                    return
            try:
                self.move_due_scheduled()
                if now - last_beat >= self.options.lease_s / 3:
                    self._heartbeat()
                    last_beat = now
                if now - last_sweep >= self.options.sweep_s:
                    self.replay(include_queued=False)
                    last_sweep = now
                if now - last_prune >= 3600:
                    self.queue.ledger.prune()
                    last_prune = now
            except Exception as exc:  # noqa: BLE001 - housekeeping retries on its next tick
                self.store.failed(exc)
            else:
                self.store.ok()

    def _touch(self) -> None:
        path = self.options.heartbeat_path
        if path:
            try:
                with open(path, "a"):
                    os.utime(path)
            except OSError:
                pass

    def _orphaned(self) -> bool:
        parent = self.options.parent_pid
        return parent is not None and os.getppid() != parent

    def move_due_scheduled(self) -> int:
        due = self.queue.huey.read_schedule()
        for task in due:
            self.queue.huey.enqueue(task)
        return len(due)

    def _heartbeat(self) -> None:
        with self._running_lock:
            held = list(self._running.items())
        for job_id, owner in held:
            self.queue.ledger.heartbeat(job_id, owner, self.options.lease_s)

    def run_pending(self, limit: int = 1000) -> int:
        """Run what is due now in this thread, for tests and one-shot use."""
        self.move_due_scheduled()
        done = 0
        while done < limit:
            task = self.queue.huey.dequeue()
            if task is None:
                break
            self.queue.huey.execute(task)
            done += 1
        return done

    # --- one job --------------------------------------------------------------------

    def process(self, job_id: str) -> None:
        """The Huey task body: claim, run, record. Never raises."""
        opts = self.options
        owner = process_owner(threading.current_thread().name)
        ledger = self.queue.ledger
        claim = ledger.claim(job_id, owner, opts.lease_s, opts.per_installation, opts.max_attempts)
        if claim.action == "wait":
            self.queue.submit(job_id, delay=claim.delay)
            return
        if claim.action == "dead":
            metrics.JOBS.labels(outcome="dead").inc()
            log.error("job dead-lettered", extra={"job_id": job_id, "reason": claim.reason})
            return
        if claim.action != "run" or claim.record is None:
            log.debug("message skipped", extra={"job_id": job_id, "reason": claim.reason})
            return
        rec = claim.record
        try:
            job = rec.review_job()
        except ValueError as exc:  # pydantic's ValidationError too: retrying cannot mend it
            with log_context(job_id=rec.id, delivery_id=rec.delivery_id):
                self._dead(job_id, owner, f"the queued job is not a review job: {_first(exc)}")
            return
        with self._running_lock:
            self._running[job_id] = owner
        metrics.JOBS_IN_FLIGHT.inc()
        with log_context(job_id=rec.id, delivery_id=rec.delivery_id, repo=rec.repo, pr=rec.pr):
            started = time.monotonic()
            try:
                self._run(job, job_id, owner, rec.attempts)
            finally:
                metrics.JOB_DURATION.observe(time.monotonic() - started)
                metrics.JOBS_IN_FLIGHT.dec()
                with self._running_lock:
                    self._running.pop(job_id, None)

    def _run(self, job: ReviewJob, job_id: str, owner: str, attempt: int) -> None:
        opts = self.options
        ledger = self.queue.ledger
        log.info("job started", extra={"attempt": attempt, "trigger": job.trigger})
        try:
            outcome = self.job_func(job, self.settings)
        except PermanentJobError as exc:
            self._dead(job_id, owner, describe_error(exc))
        except Exception as exc:  # noqa: BLE001 - anything unknown is retried, bounded
            hint = exc.retry_after_seconds if isinstance(exc, TransientGitHubError) else None
            error = describe_error(exc)
            if attempt >= opts.max_attempts:
                self._dead(job_id, owner, f"{error} (after {attempt} attempts)")
                return
            delay = backoff_delay(attempt, hint, opts.backoff_base_s, opts.backoff_max_s)
            ledger.fail(job_id, owner, error, retry_at=time.time() + delay)
            self.queue.submit(job_id, delay=delay)
            metrics.JOBS.labels(outcome="retried").inc()
            log.warning(
                "job failed, will retry",
                exc_info=not isinstance(exc, TransientGitHubError),
                extra={"attempt": attempt, "retry_in_s": round(delay, 3), "error": error},
            )
        else:
            ledger.complete(job_id, owner, describe_outcome(outcome))
            metrics.JOBS.labels(outcome="done").inc()
            record_outcome_metrics(outcome)
            log.info(
                "job done",
                extra={
                    "status": getattr(outcome, "status", None),
                    "findings_posted": getattr(outcome, "findings_posted", None),
                    "llm_usage": getattr(outcome, "usage", None),
                },
            )

    def _dead(self, job_id: str, owner: str, error: str) -> None:
        self.queue.ledger.fail(job_id, owner, error, retry_at=None)
        metrics.JOBS.labels(outcome="dead").inc()
        log.error("job dead-lettered", extra={"error": error})


def record_outcome_metrics(outcome: object) -> None:
    """Findings posted by category and LLM tokens, from a job's outcome."""
    posted = getattr(outcome, "findings_posted", None) or {}
    for category, count in dict(posted).items():
        metrics.findings_posted([category] * int(count))
    usage = getattr(outcome, "usage", None) or {}
    if isinstance(usage, dict):
        metrics.llm_tokens(
            input_tokens=int(usage.get("input_tokens", 0) or 0)
            + int(usage.get("cache_read_input_tokens", 0) or 0)
            + int(usage.get("cache_creation_input_tokens", 0) or 0),
            output_tokens=int(usage.get("output_tokens", 0) or 0),
        )


def count_github_calls() -> None:
    """Feed every GitHub API call the GitHub side makes into the metrics (once per process)."""
    from bot.github.client import add_api_observer

    global _OBSERVING
    if not _OBSERVING:
        add_api_observer(lambda _method, status: metrics.github_call(status or "network"))
        _OBSERVING = True


_OBSERVING = False
