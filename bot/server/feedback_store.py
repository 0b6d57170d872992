"""Feedback events per repository and rule, next to the job ledger (SQLite or Redis).

Every event has a key unique within its repository (`rejected:<comment>:<user>`,
`fixed:<thread>`...), and writes are upserts: a job that runs twice, a redelivered
webhook or a replay after kill -9 records nothing twice. Reactions and replies are
read off the threads as they are now, so a PR's thread events are replaced whole on
each read (a 👎 taken back stops counting).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from bot.feedback import KINDS, THREAD_KINDS, Event, FeedbackSink, RuleStats, under_current_ids


class FeedbackStore(FeedbackSink, Protocol):
    def close(self) -> None: ...


def open_feedback(queue_url: str | None, data_dir: Path, prefix: str = "bastion") -> FeedbackStore:
    """The store beside the job ledger: the same Redis, or the ledger's SQLite file."""
    if queue_url and queue_url.startswith(("redis://", "rediss://", "unix://")):
        return RedisFeedback(queue_url, prefix=prefix)
    return SqliteFeedback(data_dir / "ledger.db")


def feedback_beside(ledger: Any) -> FeedbackStore:
    """The store next to an open job ledger: its SQLite file, or its Redis (and prefix)."""
    from bot.server.store import RedisLedger, SqliteLedger

    if isinstance(ledger, SqliteLedger):
        return SqliteFeedback(ledger.path)
    if isinstance(ledger, RedisLedger):
        return RedisFeedback(None, prefix=ledger.prefix, client=ledger.r)
    raise TypeError(f"no feedback store beside a {type(ledger).__name__}")


def _stats(rows: Iterable[tuple[str, str, str, int]]) -> list[RuleStats]:
    # Events stay as recorded; a rule renamed since is counted under its current id.
    return under_current_ids(RuleStats(repo, rule, {kind: int(n)}) for repo, rule, kind, n in rows)


_SCHEMA = """
create table if not exists feedback (
  repo text not null, key text not null, pr integer not null, rule text not null,
  kind text not null, actor text not null default '', detail text not null default '',
  recorded_at real not null, primary key (repo, key)
);
create index if not exists feedback_pr on feedback (repo, pr, kind);
create index if not exists feedback_rule on feedback (repo, rule, kind);
"""
_UPSERT = (
    "insert into feedback (repo, key, pr, rule, kind, actor, detail, recorded_at) "
    "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (repo, key) do update set "
    "rule = excluded.rule, kind = excluded.kind, actor = excluded.actor, "
    "detail = excluded.detail"
)


class SqliteFeedback:
    """A table in the ledger's SQLite file; one connection per thread."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._local = threading.local()
        self._conn().executescript(_SCHEMA)

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            conn.execute("pragma journal_mode=wal")
            conn.execute("pragma synchronous=normal")
            self._local.conn = conn
        return conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        db = self._conn()
        db.execute("begin immediate")
        try:
            yield db
        except BaseException:
            db.execute("rollback")
            raise
        db.execute("commit")

    @staticmethod
    def _row(event: Event, now: float) -> tuple[Any, ...]:
        return (
            event.repo,
            event.key,
            event.pr,
            event.rule,
            event.kind,
            event.actor,
            event.detail,
            now,
        )

    def sync_pr(self, repo: str, pr: int, events: list[Event]) -> None:
        now = time.time()
        marks = ",".join("?" for _ in THREAD_KINDS)
        with self._tx() as db:
            db.execute(
                f"delete from feedback where repo = ? and pr = ? and kind in ({marks})",
                (repo, pr, *THREAD_KINDS),
            )
            db.executemany(_UPSERT, [self._row(e, now) for e in events])

    def add(self, events: list[Event]) -> None:
        now = time.time()
        with self._tx() as db:
            db.executemany(_UPSERT, [self._row(e, now) for e in events])

    def stats(self, repo: str | None = None) -> list[RuleStats]:
        query = "select repo, rule, kind, count(*) from feedback"
        args: tuple[Any, ...] = ()
        if repo is not None:
            query += " where repo = ?"
            args = (repo,)
        rows = self._conn().execute(query + " group by repo, rule, kind", args).fetchall()
        return _stats((r[0], r[1], r[2], r[3]) for r in rows)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


class RedisFeedback:
    """`{p}:fb:events` hash (`repo\\0key` → event JSON) and, per PR, the set of its
    thread-derived fields, replaced in one MULTI."""

    def __init__(self, url: str | None, prefix: str = "bastion", client: Any = None) -> None:
        self._owned = client is None  # a ledger's client is the ledger's to close
        if client is None:
            import redis

            client = redis.Redis.from_url(url or "", socket_timeout=10, socket_connect_timeout=5)
        self.r: Any = client
        self.events_key = f"{prefix}:fb:events"
        self.prefix = prefix

    def _pr_key(self, repo: str, pr: int) -> str:
        return f"{self.prefix}:fb:pr:{repo}#{pr}"

    @staticmethod
    def _field(event: Event) -> str:
        return f"{event.repo}\0{event.key}"

    @staticmethod
    def _value(event: Event) -> str:
        return json.dumps(
            {
                "repo": event.repo,
                "pr": event.pr,
                "rule": event.rule,
                "kind": event.kind,
                "key": event.key,
                "actor": event.actor,
                "detail": event.detail,
                "recorded_at": time.time(),
            }
        )

    def sync_pr(self, repo: str, pr: int, events: list[Event]) -> None:
        pr_key = self._pr_key(repo, pr)
        old = list(self.r.smembers(pr_key))
        pipe = self.r.pipeline(transaction=True)
        if old:
            pipe.hdel(self.events_key, *old)
            pipe.delete(pr_key)
        if events:
            pipe.hset(self.events_key, mapping={self._field(e): self._value(e) for e in events})
            derived = [self._field(e) for e in events if e.kind in THREAD_KINDS]
            if derived:
                pipe.sadd(pr_key, *derived)
        pipe.execute()

    def add(self, events: list[Event]) -> None:
        if events:
            self.r.hset(self.events_key, mapping={self._field(e): self._value(e) for e in events})

    def stats(self, repo: str | None = None) -> list[RuleStats]:
        rows = []
        for raw in self.r.hvals(self.events_key):
            item = json.loads(raw)
            if repo is not None and item.get("repo") != repo:
                continue
            if item.get("kind") in KINDS:
                rows.append((str(item["repo"]), str(item["rule"]), str(item["kind"]), 1))
        return _stats(rows)

    def wipe(self) -> None:
        keys = list(self.r.scan_iter(f"{self.prefix}:fb:*"))
        if keys:
            self.r.delete(*keys)

    def close(self) -> None:
        if self._owned:
            self.r.close()
