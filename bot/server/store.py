"""The durable ledger: delivery ids seen, and every accepted job with its state and lease.

Huey has no acknowledgements: a task that is executing when its worker dies is gone
from the queue. The ledger is what makes delivery at-least-once: a job is written here
(in the same transaction that remembers its delivery id) before the webhook is
answered, it moves `queued → running → done | superseded | dead`, and a worker start
puts back on the queue every job still `queued`, or `running` under a lease that has
expired or whose owner process is gone. The GitHub side's idempotence then makes
at-least-once exactly one review.

Two backends with one behaviour: a SQLite file under `BASTION_DATA_DIR` (one machine)
and Redis (many machines). The decisions (dedupe, supersede, claim) are pure functions
shared by both; the backends only fetch and store records atomically.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from bot.jobs import ReviewJob

State = Literal["queued", "running", "done", "superseded", "dead"]
ACTIVE: tuple[State, ...] = ("queued", "running")
TERMINAL: tuple[State, ...] = ("done", "superseded", "dead")
DELIVERY_RETENTION_S = 8 * 24 * 3600  # GitHub allows redelivery for 3 days (7 on GHES)
JOB_RETENTION_S = 8 * 24 * 3600

_BOOT = uuid.uuid4().hex[:12]
PR_BUSY_RETRY_S = 2.0  # how soon a job waiting for its PR's running review is offered again

log = logging.getLogger("bastion.ledger")


def process_owner(thread: str = "") -> str:
    """`host:pid:boot[:thread]`: enough to tell, on restart, that a lease's holder is dead."""
    base = f"{socket.gethostname()}:{os.getpid()}:{_BOOT}"
    return f"{base}:{thread}" if thread else base


def owner_is_dead(owner: str | None) -> bool:
    """True when the lease holder was a process on this host that no longer runs.

    Owners on other hosts are never judged here; their leases expire instead.
    """
    if not owner:
        return True
    parts = owner.split(":")
    if len(parts) < 3 or parts[0] != socket.gethostname():
        return False
    try:
        pid = int(parts[1])
    except ValueError:
        return True
    if parts[2] == _BOOT:
        return False
    if pid == os.getpid():
        return True  # same pid, other boot: a previous incarnation (containers reuse pid 1)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass(frozen=True)
class JobRecord:
    id: str
    key: str
    repo: str
    pr: int
    head_sha: str | None
    trigger: str
    installation_id: int | None
    delivery_id: str
    job: str  # ReviewJob as JSON
    state: State = "queued"
    attempts: int = 0
    not_before: float = 0.0
    lease_owner: str | None = None
    lease_until: float | None = None
    error: str | None = None
    outcome: str | None = None
    created_at: float = field(default_factory=time.time)
    updated_at: float = field(default_factory=time.time)

    def review_job(self) -> ReviewJob:
        return ReviewJob.model_validate_json(self.job)

    def fields(self) -> dict[str, Any]:
        """Every field by name; all are plain values, so `asdict`'s deep copy is not needed."""
        return {name: getattr(self, name) for name in _FIELDS}

    def to_json(self) -> str:
        return json.dumps(self.fields(), separators=(",", ":"))

    @staticmethod
    def from_json(text: str | bytes) -> JobRecord:
        return JobRecord(**json.loads(text))


_FIELDS = tuple(JobRecord.__dataclass_fields__)


def new_record(job: ReviewJob, now: float) -> JobRecord:
    return JobRecord(
        id=uuid.uuid4().hex,
        key=job.key,
        repo=job.repo,
        pr=job.pr_number,
        head_sha=job.head_sha,
        trigger=job.trigger,
        installation_id=job.installation_id,
        delivery_id=job.delivery_id,
        job=job.model_dump_json(),
        created_at=now,
        updated_at=now,
    )


@dataclass(frozen=True)
class Admission:
    """What the ledger did with one delivery."""

    status: Literal["duplicate", "accepted", "deduplicated", "recorded", "failed"]
    job_id: str | None = None
    superseded: tuple[str, ...] = ()
    error: str = ""  # why a `failed` delivery was not recorded (the others in its batch were)


def _failed(delivery_id: str, exc: Exception) -> Admission:
    # One delivery the store refused must not cost the rest of its batch; it is not
    # recorded, so GitHub's redelivery of it is not taken for a duplicate.
    log.warning(
        "delivery not recorded", extra={"delivery_id": delivery_id, "error": type(exc).__name__}
    )
    return Admission("failed", error=f"{type(exc).__name__}: {exc}"[:300])


@dataclass(frozen=True)
class Claim:
    """What a worker holding a queue message for a job should do."""

    action: Literal["run", "skip", "wait", "dead"]
    record: JobRecord | None = None
    delay: float = 0.0
    reason: str = ""


# --- pure decisions, shared by both backends -------------------------------------------


def same_key_live(records: list[JobRecord]) -> JobRecord | None:
    """A job with this key that is queued, running or done makes a new one redundant.

    A superseded or dead one does not: the same SHA asked again deserves a run.
    """
    for rec in records:
        if rec.state in ("queued", "running", "done"):
            return rec
    return None


def to_supersede(new: JobRecord, same_pr: list[JobRecord]) -> list[JobRecord]:
    """Queued jobs of the same PR at another head SHA: the newer push makes them moot.

    Running jobs finish (their review is for a real commit); command jobs (no SHA)
    are a person's request and are never dropped.
    """
    if new.head_sha is None:
        return []
    return [
        rec
        for rec in same_pr
        if rec.state == "queued"
        and rec.id != new.id
        and rec.head_sha is not None
        and rec.head_sha != new.head_sha
    ]


def decide_claim(
    rec: JobRecord | None,
    now: float,
    running_same_installation: int,
    per_installation: int,
    max_attempts: int,
    running_same_pr: int = 0,
) -> Claim:
    if rec is None:
        return Claim("skip", reason="unknown job")
    if rec.state in TERMINAL:
        return Claim("skip", rec, reason=f"already {rec.state}")
    if rec.state == "running" and rec.lease_until is not None and rec.lease_until > now:
        return Claim("skip", rec, reason="running elsewhere")
    # A running job under an expired lease: its worker died; this message is the replay.
    if rec.not_before > now:
        return Claim("wait", rec, delay=rec.not_before - now, reason="not due yet")
    if rec.attempts >= max_attempts:
        return Claim("dead", rec, reason=f"gave up after {rec.attempts} attempts")
    if running_same_pr:
        # One review at a time per PR: two jobs of one PR (`opened`, then `/review` at
        # once) would each read the PR's comments before the other posts, and post the
        # same finding twice. The running job's lease is the PR's lock: it lapses with
        # its worker, so a dead worker frees the PR when its lease expires.
        return Claim("wait", rec, delay=PR_BUSY_RETRY_S, reason="another job of this PR is running")
    if rec.installation_id is not None and running_same_installation >= per_installation:
        return Claim("wait", rec, delay=1.0, reason="installation at its concurrency bound")
    return Claim("run", rec)


def needs_replay(rec: JobRecord, now: float, is_dead: Callable[[str | None], bool]) -> bool:
    if rec.state == "queued":
        return True
    if rec.state == "running":
        expired = rec.lease_until is None or rec.lease_until <= now
        return expired or is_dead(rec.lease_owner)
    return False


# --- the interface ----------------------------------------------------------------------


class Ledger(Protocol):
    def admit(self, delivery_id: str, job: ReviewJob | None) -> Admission: ...
    def admit_many(self, items: list[tuple[str, ReviewJob | None]]) -> list[Admission]: ...
    def get(self, job_id: str) -> JobRecord | None: ...
    def claim(
        self, job_id: str, owner: str, lease_s: float, per_installation: int, max_attempts: int
    ) -> Claim: ...
    def heartbeat(self, job_id: str, owner: str, lease_s: float) -> bool: ...
    def complete(self, job_id: str, owner: str, outcome: str) -> None: ...
    def fail(self, job_id: str, owner: str, error: str, retry_at: float | None) -> None: ...
    def give_up(self, job_id: str, error: str) -> None: ...
    def replayable(self, include_queued: bool = True) -> list[JobRecord]: ...
    def jobs(
        self, states: tuple[State, ...] | None = None, limit: int = 200
    ) -> list[JobRecord]: ...
    def counts(self) -> dict[str, int]: ...
    def prune(self) -> int: ...
    def ping(self) -> None: ...
    def close(self) -> None: ...


def open_ledger(queue_url: str | None, data_dir: Path, prefix: str = "bastion") -> Ledger:
    if queue_url and queue_url.startswith(("redis://", "rediss://", "unix://")):
        return RedisLedger(queue_url, prefix=prefix)
    return SqliteLedger(data_dir / "ledger.db")


# --- SQLite ------------------------------------------------------------------------------

_COLUMNS = _FIELDS
_INSERT = (
    f"insert or replace into jobs ({','.join(_COLUMNS)}) values ({','.join('?' for _ in _COLUMNS)})"
)
_SCHEMA = """
create table if not exists deliveries (id text primary key, seen_at real not null);
create index if not exists deliveries_seen on deliveries (seen_at);
create table if not exists jobs (
  id text primary key, key text not null, repo text not null, pr integer not null,
  head_sha text, trigger text not null, installation_id integer, delivery_id text not null,
  job text not null, state text not null, attempts integer not null default 0,
  not_before real not null default 0, lease_owner text, lease_until real,
  error text, outcome text, created_at real not null, updated_at real not null
);
create index if not exists jobs_key on jobs (key);
create index if not exists jobs_pr on jobs (repo, pr, state);
create index if not exists jobs_state on jobs (state, updated_at);
create index if not exists jobs_installation on jobs (installation_id, state);
"""


CHECKPOINT_EVERY_S = 0.25
CHECKPOINT_PAGES = 1000  # SQLite's own threshold for restarting the WAL
WAL_KEPT_BYTES = 8 * 1024 * 1024  # what a restarted WAL file is cut back to


class _Finishing:
    """`complete` and `fail` in terms of a backend's `_finish` (one atomic change of a
    running job that `owner` still holds)."""

    def _finish(
        self, job_id: str, owner: str, change: Callable[[JobRecord, float], JobRecord]
    ) -> None:
        raise NotImplementedError

    def complete(self, job_id: str, owner: str, outcome: str) -> None:
        self._finish(job_id, owner, lambda rec, now: _done(rec, outcome, now))

    def fail(self, job_id: str, owner: str, error: str, retry_at: float | None) -> None:
        def change(rec: JobRecord, now: float) -> JobRecord:
            return _dead(rec, error, now) if retry_at is None else _retry(rec, error, retry_at, now)

        self._finish(job_id, owner, change)


class SqliteLedger(_Finishing):
    """One connection per thread; mutations under `BEGIN IMMEDIATE` (one writer at a time).

    WAL checkpoints (copying committed pages back into the database file) run on a
    thread of their own, not in whichever commit crosses SQLite's threshold: done
    there, one commit in a few dozen took some 10 ms, paid by the webhook requests
    waiting on it. SQLite releases the GIL while it checkpoints, so the copy also
    leaves the event loop's CPU alone. Durability is unchanged: a commit is in the WAL
    before it returns, checkpointed or not.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        # SQLite allows one writer; queueing writers here is far cheaper than letting
        # them meet SQLite's busy handler, which sleeps (up to 100 ms a time).
        self._write_lock = threading.Lock()
        self._checkpointer: tuple[threading.Thread, threading.Event] | None = None
        self._conn().executescript(_SCHEMA)  # executescript commits on its own

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("pragma journal_mode=wal")
        # WAL + NORMAL: a commit survives the process being killed (kill -9); only a
        # power cut can lose the last transactions.
        conn.execute("pragma synchronous=normal")
        conn.execute("pragma wal_autocheckpoint=0")  # the checkpointer thread does it
        conn.execute(f"pragma journal_size_limit={WAL_KEPT_BYTES}")
        return conn

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def _start_checkpointer(self) -> None:
        with self._write_lock:
            if self._checkpointer is None:
                stop = threading.Event()
                thread = threading.Thread(
                    target=self._checkpoint_loop,
                    args=(stop,),
                    name="bastion-ledger-checkpoint",
                    daemon=True,
                )
                thread.start()
                self._checkpointer = (thread, stop)

    def _checkpoint_loop(self, stop: threading.Event) -> None:
        conn = self._connect()
        try:
            while not stop.wait(CHECKPOINT_EVERY_S):
                with suppress(sqlite3.Error):  # busy or gone: the next tick tries again
                    self._checkpoint(conn)
        finally:
            conn.close()

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        # PASSIVE never waits for the writers, so the bulk of the copy runs beside them.
        _, frames, _ = conn.execute("pragma wal_checkpoint(PASSIVE)").fetchone()
        if frames >= CHECKPOINT_PAGES:
            # The WAL restarts from its beginning only after a checkpoint that caught
            # every frame; under steady writes that needs a moment without them. What
            # is left to copy now is the little committed since the line above.
            with self._write_lock:
                conn.execute("pragma wal_checkpoint(PASSIVE)").fetchone()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        db = self._conn()
        if self._checkpointer is None:
            self._start_checkpointer()
        with self._write_lock:
            db.execute("begin immediate")
            try:
                yield db
            except BaseException:
                db.execute("rollback")
                raise
            db.execute("commit")

    @staticmethod
    def _record(row: sqlite3.Row) -> JobRecord:
        return JobRecord(**{name: row[name] for name in _COLUMNS})

    def _put(self, db: sqlite3.Connection, rec: JobRecord) -> None:
        db.execute(_INSERT, [getattr(rec, name) for name in _COLUMNS])

    def admit(self, delivery_id: str, job: ReviewJob | None) -> Admission:
        return self.admit_many([(delivery_id, job)])[0]

    def admit_many(self, items: list[tuple[str, ReviewJob | None]]) -> list[Admission]:
        """Several deliveries in one transaction: the receiver's group commit."""
        now = time.time()
        with self._tx() as db:
            return [self._admit_one(db, delivery_id, job, now) for delivery_id, job in items]

    def _admit_one(
        self, db: sqlite3.Connection, delivery_id: str, job: ReviewJob | None, now: float
    ) -> Admission:
        db.execute("savepoint admit_one")
        try:
            admission = self._admit(db, delivery_id, job, now)
        except (sqlite3.Error, OverflowError, ValueError, TypeError) as exc:
            db.execute("rollback to admit_one")
            db.execute("release admit_one")
            return _failed(delivery_id, exc)
        db.execute("release admit_one")
        return admission

    def _admit(
        self, db: sqlite3.Connection, delivery_id: str, job: ReviewJob | None, now: float
    ) -> Admission:
        seen = db.execute(
            "insert or ignore into deliveries (id, seen_at) values (?, ?)", (delivery_id, now)
        )
        if seen.rowcount == 0:
            return Admission("duplicate")
        if job is None:
            return Admission("recorded")
        rows = db.execute(
            "select * from jobs where key = ? order by created_at desc", (job.key,)
        ).fetchall()
        live = same_key_live([self._record(r) for r in rows])
        if live is not None:
            return Admission("deduplicated", live.id)
        rec = new_record(job, now)
        same_pr = db.execute(
            "select * from jobs where repo = ? and pr = ? and state = 'queued'",
            (rec.repo, rec.pr),
        ).fetchall()
        old = to_supersede(rec, [self._record(r) for r in same_pr])
        for stale in old:
            db.execute(
                "update jobs set state = 'superseded', outcome = ?, updated_at = ? where id = ?",
                (f"superseded by {rec.head_sha}", now, stale.id),
            )
        self._put(db, rec)
        return Admission("accepted", rec.id, tuple(s.id for s in old))

    def get(self, job_id: str) -> JobRecord | None:
        row = self._conn().execute("select * from jobs where id = ?", (job_id,)).fetchone()
        return self._record(row) if row else None

    def claim(
        self, job_id: str, owner: str, lease_s: float, per_installation: int, max_attempts: int
    ) -> Claim:
        now = time.time()
        with self._tx() as db:
            row = db.execute("select * from jobs where id = ?", (job_id,)).fetchone()
            rec = self._record(row) if row else None
            busy = same_pr = 0
            if rec is not None and rec.installation_id is not None:
                busy = db.execute(
                    "select count(*) from jobs where installation_id = ? and state = 'running' "
                    "and lease_until > ? and id != ?",
                    (rec.installation_id, now, job_id),
                ).fetchone()[0]
            if rec is not None:
                same_pr = db.execute(
                    "select count(*) from jobs where repo = ? and pr = ? and state = 'running' "
                    "and lease_until > ? and id != ?",
                    (rec.repo, rec.pr, now, job_id),
                ).fetchone()[0]
            claim = decide_claim(rec, now, busy, per_installation, max_attempts, same_pr)
            if claim.action == "dead" and rec is not None:
                self._put(db, _dead(rec, claim.reason, now))
            if claim.action != "run" or rec is None:
                return claim
            running = replace(
                rec,
                state="running",
                attempts=rec.attempts + 1,
                lease_owner=owner,
                lease_until=now + lease_s,
                updated_at=now,
            )
            self._put(db, running)
            return Claim("run", running)

    def heartbeat(self, job_id: str, owner: str, lease_s: float) -> bool:
        with self._tx() as db:
            cur = db.execute(
                "update jobs set lease_until = ? where id = ? and state = 'running' "
                "and lease_owner = ?",
                (time.time() + lease_s, job_id, owner),
            )
            return cur.rowcount == 1

    def give_up(self, job_id: str, error: str) -> None:
        now = time.time()
        with self._tx() as db:
            row = db.execute("select * from jobs where id = ?", (job_id,)).fetchone()
            if row is not None:
                self._put(db, _dead(self._record(row), error, now))

    def _finish(
        self, job_id: str, owner: str, change: Callable[[JobRecord, float], JobRecord]
    ) -> None:
        now = time.time()
        with self._tx() as db:
            row = db.execute("select * from jobs where id = ?", (job_id,)).fetchone()
            if row is None:
                return
            rec = self._record(row)
            # A worker whose lease was taken over (it was presumed dead) must not
            # overwrite the new holder's state.
            if rec.state != "running" or rec.lease_owner != owner:
                return
            self._put(db, change(rec, now))

    def replayable(self, include_queued: bool = True) -> list[JobRecord]:
        now = time.time()
        states = "('queued', 'running')" if include_queued else "('running')"
        with self._tx() as db:
            rows = db.execute(
                f"select * from jobs where state in {states} order by created_at"
            ).fetchall()
            out = []
            for rec in (self._record(r) for r in rows):
                if not needs_replay(rec, now, owner_is_dead):
                    continue
                if rec.state == "running":
                    rec = _requeued(rec, now)
                    self._put(db, rec)
                out.append(rec)
            return out

    def jobs(self, states: tuple[State, ...] | None = None, limit: int = 200) -> list[JobRecord]:
        if states:
            marks = ",".join("?" for _ in states)
            rows = self._conn().execute(
                f"select * from jobs where state in ({marks}) order by updated_at desc limit ?",
                (*states, limit),
            )
        else:
            rows = self._conn().execute(
                "select * from jobs order by updated_at desc limit ?", (limit,)
            )
        return [self._record(r) for r in rows.fetchall()]

    def counts(self) -> dict[str, int]:
        rows = self._conn().execute("select state, count(*) from jobs group by state").fetchall()
        return {state: int(n) for state, n in rows}

    def prune(self) -> int:
        now = time.time()
        with self._tx() as db:
            gone = db.execute(
                "delete from deliveries where seen_at < ?", (now - DELIVERY_RETENTION_S,)
            ).rowcount
            gone += db.execute(
                "delete from jobs where state in ('done', 'superseded') and updated_at < ?",
                (now - JOB_RETENTION_S,),
            ).rowcount
            return int(gone)

    def ping(self) -> None:
        self._conn().execute("select 1").fetchone()

    def close(self) -> None:
        with self._write_lock:
            checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:  # a later write starts another one
            thread, stop = checkpointer
            stop.set()
            thread.join(timeout=5)
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def _done(rec: JobRecord, outcome: str, now: float) -> JobRecord:
    return replace(
        rec, state="done", outcome=outcome, lease_owner=None, lease_until=None, updated_at=now
    )


def _dead(rec: JobRecord, error: str, now: float) -> JobRecord:
    return replace(
        rec, state="dead", error=error, lease_owner=None, lease_until=None, updated_at=now
    )


def _retry(rec: JobRecord, error: str, retry_at: float, now: float) -> JobRecord:
    return replace(
        rec,
        state="queued",
        error=error,
        not_before=retry_at,
        lease_owner=None,
        lease_until=None,
        updated_at=now,
    )


def _requeued(rec: JobRecord, now: float) -> JobRecord:
    return replace(rec, state="queued", lease_owner=None, lease_until=None, updated_at=now)


# --- Redis -------------------------------------------------------------------------------


class RedisLedger(_Finishing):
    """The same ledger on Redis, for workers on several machines.

    Every mutation holds one short Redis lock (a SET NX with expiry) and writes in one
    MULTI; reads of a single job need no lock. Keys: `{p}:delivery:{id}` (with expiry),
    `{p}:job:{id}` (JSON), `{p}:key:{key}` (ids), `{p}:pr:{repo}#{n}` (ids),
    `{p}:state:{state}` (sorted by update time).
    """

    def __init__(self, url: str, prefix: str = "bastion") -> None:
        import redis

        self.prefix = prefix
        self.r: Any = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
        self._lock_name = f"{prefix}:ledger-lock"

    def _k(self, *parts: str | int) -> str:
        return ":".join([self.prefix, *(str(p) for p in parts)])

    @contextmanager
    def _locked(self) -> Iterator[None]:
        lock = self.r.lock(self._lock_name, timeout=30, blocking_timeout=30, sleep=0.002)
        if not lock.acquire():
            raise TimeoutError("ledger lock not acquired within 30 s")
        try:
            yield
        finally:
            # An expired lock is already released; nothing to undo.
            with suppress(Exception):
                lock.release()

    def _load_many(self, ids: list[Any]) -> list[JobRecord]:
        if not ids:
            return []
        raw = self.r.mget([self._k("job", i.decode() if isinstance(i, bytes) else i) for i in ids])
        return [JobRecord.from_json(text) for text in raw if text]

    def _save(self, pipe: Any, rec: JobRecord, old_state: str | None) -> None:
        pipe.set(self._k("job", rec.id), rec.to_json())
        if old_state and old_state != rec.state:
            pipe.zrem(self._k("state", old_state), rec.id)
        pipe.zadd(self._k("state", rec.state), {rec.id: rec.updated_at})
        pr_key = self._k("pr", f"{rec.repo}#{rec.pr}")
        if rec.state in ACTIVE:
            pipe.sadd(pr_key, rec.id)
        else:
            pipe.srem(pr_key, rec.id)

    def admit(self, delivery_id: str, job: ReviewJob | None) -> Admission:
        return self.admit_many([(delivery_id, job)])[0]

    def admit_many(self, items: list[tuple[str, ReviewJob | None]]) -> list[Admission]:
        with self._locked():
            return [self._admit_one(delivery_id, job) for delivery_id, job in items]

    def _admit_one(self, delivery_id: str, job: ReviewJob | None) -> Admission:
        # Each delivery is written by one MULTI of its own: a failed one wrote nothing.
        try:
            return self._admit(delivery_id, job)
        except Exception as exc:  # noqa: BLE001 - reported per delivery, the batch goes on
            import redis

            if isinstance(exc, redis.ConnectionError | redis.TimeoutError):
                raise  # the store is gone: every delivery of the batch must hear it
            return _failed(delivery_id, exc)

    def _admit(self, delivery_id: str, job: ReviewJob | None) -> Admission:
        now = time.time()
        # runs under the lock admit_many holds
        if self.r.exists(self._k("delivery", delivery_id)):
            return Admission("duplicate")
        pipe = self.r.pipeline()
        pipe.set(self._k("delivery", delivery_id), now, ex=DELIVERY_RETENTION_S)
        if job is None:
            pipe.execute()
            return Admission("recorded")
        live = same_key_live(self._load_many(list(self.r.smembers(self._k("key", job.key)))))
        if live is not None:
            pipe.execute()
            return Admission("deduplicated", live.id)
        rec = new_record(job, now)
        same_pr = self._load_many(list(self.r.smembers(self._k("pr", f"{rec.repo}#{rec.pr}"))))
        old = to_supersede(rec, same_pr)
        for stale in old:
            moot = replace(
                stale,
                state="superseded",
                outcome=f"superseded by {rec.head_sha}",
                updated_at=now,
            )
            self._save(pipe, moot, stale.state)
        self._save(pipe, rec, None)
        pipe.sadd(self._k("key", job.key), rec.id)
        pipe.expire(self._k("key", job.key), JOB_RETENTION_S)
        pipe.execute()
        return Admission("accepted", rec.id, tuple(s.id for s in old))

    def get(self, job_id: str) -> JobRecord | None:
        text = self.r.get(self._k("job", job_id))
        return JobRecord.from_json(text) if text else None

    def _running_for(self, installation_id: int, now: float, exclude: str) -> int:
        running = self._load_many(list(self.r.zrange(self._k("state", "running"), 0, -1)))
        return sum(
            1
            for rec in running
            if rec.installation_id == installation_id
            and rec.id != exclude
            and (rec.lease_until or 0) > now
        )

    def _running_on_pr(self, rec: JobRecord, now: float) -> int:
        # The PR's set holds its queued and running jobs only: a handful, not every job.
        active = self._load_many(list(self.r.smembers(self._k("pr", f"{rec.repo}#{rec.pr}"))))
        return sum(
            1
            for other in active
            if other.state == "running" and other.id != rec.id and (other.lease_until or 0) > now
        )

    def claim(
        self, job_id: str, owner: str, lease_s: float, per_installation: int, max_attempts: int
    ) -> Claim:
        now = time.time()
        with self._locked():
            rec = self.get(job_id)
            busy = same_pr = 0
            if rec is not None and rec.installation_id is not None:
                busy = self._running_for(rec.installation_id, now, job_id)
            if rec is not None:
                same_pr = self._running_on_pr(rec, now)
            claim = decide_claim(rec, now, busy, per_installation, max_attempts, same_pr)
            if claim.action == "dead" and rec is not None:
                self._write(_dead(rec, claim.reason, now), rec.state)
            if claim.action != "run" or rec is None:
                return claim
            running = replace(
                rec,
                state="running",
                attempts=rec.attempts + 1,
                lease_owner=owner,
                lease_until=now + lease_s,
                updated_at=now,
            )
            self._write(running, rec.state)
            return Claim("run", running)

    def _write(self, rec: JobRecord, old_state: str | None) -> None:
        pipe = self.r.pipeline()
        self._save(pipe, rec, old_state)
        pipe.execute()

    def heartbeat(self, job_id: str, owner: str, lease_s: float) -> bool:
        with self._locked():
            rec = self.get(job_id)
            if rec is None or rec.state != "running" or rec.lease_owner != owner:
                return False
            self._write(replace(rec, lease_until=time.time() + lease_s), rec.state)
            return True

    def _finish(
        self, job_id: str, owner: str, change: Callable[[JobRecord, float], JobRecord]
    ) -> None:
        with self._locked():
            rec = self.get(job_id)
            if rec is None or rec.state != "running" or rec.lease_owner != owner:
                return
            self._write(change(rec, time.time()), rec.state)

    def give_up(self, job_id: str, error: str) -> None:
        with self._locked():
            rec = self.get(job_id)
            if rec is not None:
                self._write(_dead(rec, error, time.time()), rec.state)

    def replayable(self, include_queued: bool = True) -> list[JobRecord]:
        now = time.time()
        with self._locked():
            ids = list(self.r.zrange(self._k("state", "running"), 0, -1))
            if include_queued:
                ids += self.r.zrange(self._k("state", "queued"), 0, -1)
            out = []
            for rec in self._load_many(ids):
                if not needs_replay(rec, now, owner_is_dead):
                    continue
                if rec.state == "running":
                    fresh = _requeued(rec, now)
                    self._write(fresh, rec.state)
                    rec = fresh
                out.append(rec)
            return sorted(out, key=lambda r: r.created_at)

    def jobs(self, states: tuple[State, ...] | None = None, limit: int = 200) -> list[JobRecord]:
        chosen = states or ("queued", "running", "done", "superseded", "dead")
        ids: list[Any] = []
        for state in chosen:
            ids.extend(self.r.zrevrange(self._k("state", state), 0, limit - 1))
        recs = self._load_many(ids)
        return sorted(recs, key=lambda r: r.updated_at, reverse=True)[:limit]

    def counts(self) -> dict[str, int]:
        states = ("queued", "running", "done", "superseded", "dead")
        pipe = self.r.pipeline()
        for state in states:
            pipe.zcard(self._k("state", state))
        return {s: int(n) for s, n in zip(states, pipe.execute(), strict=True) if n}

    def prune(self) -> int:
        cutoff = time.time() - JOB_RETENTION_S
        gone = 0
        with self._locked():
            for state in ("done", "superseded"):
                ids = self.r.zrangebyscore(self._k("state", state), 0, cutoff)
                if not ids:
                    continue
                pipe = self.r.pipeline()
                for raw in ids:
                    job_id = raw.decode() if isinstance(raw, bytes) else raw
                    pipe.delete(self._k("job", job_id))
                    pipe.zrem(self._k("state", state), job_id)
                pipe.execute()
                gone += len(ids)
        return gone  # delivery ids expire on their own

    def ping(self) -> None:
        self.r.ping()

    def close(self) -> None:
        self.r.close()

    def wipe(self) -> None:
        """Delete every key under the prefix (tests use their own prefix)."""
        for key in self.r.scan_iter(match=f"{self.prefix}:*", count=500):
            self.r.delete(key)
