"""The job queue: Huey carries job ids, the ledger holds the jobs.

One code path for both deployments: `SqliteHuey` in a file under `BASTION_DATA_DIR`
by default, `RedisHuey` when `BASTION_QUEUE_URL=redis://…` so that workers on several
machines share it. A message only names a ledger job; whoever receives it claims the job
in the ledger first, so a message delivered twice (a replay, a retry) runs the job once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from huey import RedisHuey, SqliteHuey
from huey.api import Huey

from bot.jobs import ReviewJob
from bot.server.store import Admission, Ledger, open_ledger

TASK_NAME = "bastion.run_job"


def make_huey(
    queue_url: str | None, data_dir: Path, name: str = "bastion", blocking: bool = True
) -> Huey:
    if queue_url and queue_url.startswith(("redis://", "rediss://", "unix://")):
        # blocking dequeue: an idle worker waits on the server instead of polling it
        return RedisHuey(name, url=queue_url, results=False, blocking=blocking, read_timeout=1)
    data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(name, filename=str(data_dir / "queue.db"), results=False, timeout=30)


class JobQueue:
    """Admit deliveries into the ledger and hand job ids to Huey."""

    def __init__(
        self,
        queue_url: str | None,
        data_dir: Path,
        *,
        name: str = "bastion",
        ledger: Ledger | None = None,
        blocking: bool = True,
    ) -> None:
        self.queue_url = queue_url
        self.huey = make_huey(queue_url, data_dir, name, blocking)
        self.ledger = ledger or open_ledger(queue_url, data_dir, prefix=name)
        self._handler: Callable[[str], None] | None = None
        self._task: Any = self.huey.task(name=TASK_NAME)(self._dispatch)

    @property
    def blocking(self) -> bool:
        """Whether `dequeue` waits for a message (Redis) or returns at once (SQLite)."""
        return bool(getattr(self.huey.storage, "blocking", False))

    def set_handler(self, handler: Callable[[str], None]) -> None:
        self._handler = handler

    def _dispatch(self, job_id: str) -> None:
        if self._handler is None:
            raise RuntimeError("no worker handler registered on this queue")
        self._handler(job_id)

    def admit(self, delivery_id: str, job: ReviewJob | None) -> Admission:
        """Durably record the delivery (and its job), then queue the job.

        The ledger write is the commitment: if putting the message on Huey fails after
        it, the job is still `queued` in the ledger and the next worker start or sweep
        puts it back.
        """
        admission = self.ledger.admit(delivery_id, job)
        if admission.status == "accepted" and admission.job_id:
            self.submit(admission.job_id)
        return admission

    def submit(self, job_id: str, delay: float = 0.0) -> None:
        if delay > 0:
            self._task.schedule(args=(job_id,), delay=delay)
        else:
            self._task(job_id)

    def depth(self) -> int:
        """Jobs waiting to run, as the ledger sees them."""
        return int(self.ledger.counts().get("queued", 0))

    def messages(self) -> int:
        return int(self.huey.pending_count()) + int(self.huey.scheduled_count())

    def ping(self) -> None:
        self.ledger.ping()
        self.huey.pending_count()

    def close(self) -> None:
        self.ledger.close()


def open_queue(queue_url: str | None, data_dir: Path, name: str = "bastion") -> JobQueue:
    return JobQueue(queue_url, data_dir, name=name)
