"""The job queue: Huey carries job ids, the ledger holds the jobs.

One code path for both deployments: `SqliteHuey` in a file under `BASTION_DATA_DIR`
by default, `RedisHuey` when `BASTION_QUEUE_URL=redis://…` so that workers on several
machines share it. A message only names a ledger job; whoever receives it claims the job
in the ledger first, so a message delivered twice (a replay, a retry) runs the job once.
"""

from __future__ import annotations

import asyncio
import logging
import queue as stdqueue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from huey import RedisHuey, SqliteHuey
from huey.api import Huey
from huey.storage import RedisStorage, SqliteStorage

from bot.jobs import ReviewJob
from bot.server.store import Admission, Ledger, open_ledger

log = logging.getLogger("bastion.queue")

TASK_NAME = "bastion.run_job"
RESUBMIT_S = 1.0  # how soon job ids the queue refused are offered to it again


class _SqliteStorage(SqliteStorage):
    def enqueue_many(self, messages: list[bytes]) -> None:
        """Huey's own insert (`SqliteStorage.enqueue`), one transaction for the batch:
        a commit per message was most of the cost of queueing one."""
        rows = [(self.name, self.to_blob(m)) for m in messages]
        with self.db(commit=True) as curs:
            curs.executemany("insert into task (queue, data, priority) values (?, ?, 0)", rows)


class _RedisStorage(RedisStorage):
    def enqueue_many(self, messages: list[bytes]) -> None:
        # LPUSH of several values pushes them in order: the consumer's RPOP sees FIFO.
        self.conn.lpush(self.queue_key, *messages)


class _SqliteHuey(SqliteHuey):
    storage_class = _SqliteStorage


class _RedisHuey(RedisHuey):
    storage_class = _RedisStorage


def make_huey(
    queue_url: str | None, data_dir: Path, name: str = "bastion", blocking: bool = True
) -> Huey:
    if queue_url and queue_url.startswith(("redis://", "rediss://", "unix://")):
        # blocking dequeue: an idle worker waits on the server instead of polling it
        return _RedisHuey(name, url=queue_url, results=False, blocking=blocking, read_timeout=1)
    data_dir.mkdir(parents=True, exist_ok=True)
    # No fsync for the messages: the ledger is the durable record, and a message lost
    # to a power cut is put back by the replay at the next worker start.
    return _SqliteHuey(
        name, filename=str(data_dir / "queue.db"), results=False, timeout=30, fsync=False
    )


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
        self._unsent: list[str] = []  # recorded in the ledger, refused by the queue so far
        self._unsent_lock = threading.Lock()

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
        """Durably record the delivery (and its job), then queue the job."""
        return self.admit_many([(delivery_id, job)])[0]

    def admit_many(self, items: list[tuple[str, ReviewJob | None]]) -> list[Admission]:
        """Record deliveries in one ledger transaction, then queue the new jobs at once.

        The ledger write is the commitment. If Huey refuses the messages after it, the
        jobs are still `queued` in the ledger: they are kept here and offered again
        (`resubmit`), and a process that dies first leaves them to the replay of the
        next worker start. Either way the delivery was accepted: answering with an
        error would have GitHub redeliver a delivery that is now a duplicate.
        """
        admissions = self.ledger.admit_many(items)
        accepted = [a.job_id for a in admissions if a.status == "accepted" and a.job_id]
        with self._unsent_lock:
            accepted, self._unsent = self._unsent + accepted, []
        if accepted:
            self._send(accepted)
        return admissions

    def _send(self, job_ids: list[str]) -> None:
        try:
            self.submit_many(job_ids)
        except Exception as exc:  # noqa: BLE001 - the ledger holds them; retried soon
            log.warning(
                "queue refused jobs; offering them again shortly",
                extra={"jobs": len(job_ids), "error": type(exc).__name__},
            )
            with self._unsent_lock:
                self._unsent = job_ids + self._unsent

    @property
    def unsent(self) -> int:
        """Jobs recorded in the ledger whose message the queue has not taken yet."""
        with self._unsent_lock:
            return len(self._unsent)

    def resubmit(self) -> int:
        """Offer the queue the jobs it refused before; returns how many are still waiting."""
        with self._unsent_lock:
            waiting, self._unsent = self._unsent, []
        if waiting:
            self._send(waiting)
        return self.unsent

    def submit(self, job_id: str, delay: float = 0.0) -> None:
        if delay > 0:
            self._task.schedule(args=(job_id,), delay=delay)
        else:
            self._task(job_id)

    def submit_many(self, job_ids: list[str]) -> None:
        """Queue several jobs now; one write where the storage can take a batch."""
        enqueue_many = getattr(self.huey.storage, "enqueue_many", None)
        if enqueue_many is None or len(job_ids) < 2:
            for job_id in job_ids:
                self.submit(job_id)
            return
        enqueue_many([self.huey.serialize_task(self._task.s(job_id)) for job_id in job_ids])

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


_Pending = tuple[str, ReviewJob | None, "asyncio.Future[Admission]", asyncio.AbstractEventLoop]


def _settle(future: asyncio.Future[Admission], result: object) -> None:
    if future.done():  # the client went away; the delivery is recorded all the same
        return
    if isinstance(result, Admission):
        future.set_result(result)
    elif isinstance(result, BaseException):
        future.set_exception(result)


class GroupCommit:
    """Admit concurrent deliveries in batches: one writer thread, one transaction a batch.

    Under load, per-request transactions from a thread pool convoy on SQLite's single
    writer and on the GIL (tens of milliseconds each); one thread draining whatever has
    arrived keeps each answer to about one commit's time. Every request still gets its
    answer only after its batch is committed.
    """

    def __init__(self, queue: JobQueue, max_batch: int = 256, inline: bool | None = None) -> None:
        self.queue = queue
        self.max_batch = max_batch
        # A local SQLite commit (WAL, no fsync) takes well under a millisecond: doing it on
        # the event loop beats handing the GIL back and forth with a writer thread. A
        # network store (Redis) gets the thread, so the loop never waits on a socket.
        self.inline = queue.queue_url is None if inline is None else inline
        self._pending: stdqueue.Queue[_Pending | None] = stdqueue.Queue()
        self._batch: list[_Pending] = []
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._retry: asyncio.TimerHandle | None = None

    async def admit(self, delivery_id: str, job: ReviewJob | None) -> Admission:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Admission] = loop.create_future()
        if self.inline:
            if not self._batch:
                loop.call_soon(self._flush)  # after every request ready in this loop turn
            self._batch.append((delivery_id, job, future, loop))
        else:
            self._start()
            self._pending.put((delivery_id, job, future, loop))
        return await future

    def _flush(self) -> None:
        batch, self._batch = self._batch, []
        for start in range(0, len(batch), self.max_batch):
            self._commit(batch[start : start + self.max_batch], threadsafe=False)
        if self.queue.unsent and self._retry is None:
            self._retry = asyncio.get_running_loop().call_later(RESUBMIT_S, self._resubmit)

    def _resubmit(self) -> None:
        self._retry = None
        if self.queue.resubmit() and not self._batch:
            self._retry = asyncio.get_running_loop().call_later(RESUBMIT_S, self._resubmit)

    def _start(self) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="bastion-admit", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                first = self._pending.get(timeout=RESUBMIT_S if self.queue.unsent else None)
            except stdqueue.Empty:
                self.queue.resubmit()
                continue
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    item = self._pending.get_nowait()
                except stdqueue.Empty:
                    break
                if item is None:
                    self._pending.put(None)  # finish this batch, then stop
                    break
                batch.append(item)
            self._commit(batch, threadsafe=True)

    def _commit(self, batch: list[_Pending], threadsafe: bool) -> None:
        results: list[Admission | BaseException]
        try:
            results = list(self.queue.admit_many([(d, job) for d, job, _, _ in batch]))
        except Exception as exc:  # noqa: BLE001 - every waiter gets the error
            results = [exc] * len(batch)
        for (_, _, future, loop), result in zip(batch, results, strict=True):
            if threadsafe:
                loop.call_soon_threadsafe(_settle, future, result)
            else:
                _settle(future, result)

    def close(self, timeout: float = 10.0) -> None:
        with self._lock:
            thread = self._thread
        if thread is not None and thread.is_alive():
            self._pending.put(None)
            thread.join(timeout)
