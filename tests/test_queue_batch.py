"""The receiver's group commit: batched admission, batched queue messages, and a queue
that refuses messages after the ledger has committed (on SQLite always, Redis too)."""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.jobs import ReviewJob
from bot.server.app import create_app, parse_json
from bot.server.queue import RESUBMIT_S, JobQueue
from bot.server.store import RedisLedger, SqliteLedger
from bot.server.webhook import sign
from bot.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "webhooks"
SECRET = "batch-webhook-secret-5e2a"
SETTINGS = Settings(GITHUB_WEBHOOK_SECRET=SECRET, GITHUB_TOKEN="t0ken-for-tests")


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


@pytest.fixture
def sqlite_queue(tmp_path: Path) -> Iterator[JobQueue]:
    q = JobQueue(None, tmp_path / "data")
    yield q
    q.close()


def make_job(pr: int, delivery: str) -> ReviewJob:
    return ReviewJob(
        delivery_id=delivery,
        repo="acme/api",
        pr_number=pr,
        head_sha=f"{pr:040x}",
        trigger="synchronize",
        installation_id=7,
    )


def job_ids_in_queue_order(queue: JobQueue) -> list[str]:
    ids = []
    while (task := queue.huey.dequeue()) is not None:
        ids.append(task.args[0])
    return ids


@contextmanager
def queue_refusing(queue: JobQueue) -> Iterator[None]:
    """Huey's SQLite file replaced by a directory: every enqueue fails, as with a full
    or unmounted disk, while the ledger (another file) still commits."""
    storage = queue.huey.storage
    path = Path(storage.filename)
    aside = path.with_name(path.name + ".aside")
    storage.close()
    with storage.lock:  # Huey's own lock around every use of the file
        path.rename(aside)
        path.mkdir()
    try:
        yield
    finally:
        with storage.lock:  # a retry must not create a new file between these two
            path.rmdir()
            aside.rename(path)


def wait_for(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


def signed(body: bytes, delivery: str) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-GitHub-Event": "pull_request",
        "X-GitHub-Delivery": delivery,
        "X-Hub-Signature-256": sign(SECRET, body),
    }


def pr_body(number: int) -> bytes:
    data: dict[str, Any] = json.loads((FIXTURES / "pull_request.opened.payload.json").read_text())
    data["number"] = data["pull_request"]["number"] = number
    data["pull_request"]["head"]["sha"] = f"{number:040x}"
    return json.dumps(data).encode()


# --- batched messages --------------------------------------------------------------------


def test_a_batch_queues_one_message_per_new_job_in_order(queue: JobQueue) -> None:
    items: list[tuple[str, ReviewJob | None]] = [
        (f"d-{n}", make_job(n, f"d-{n}")) for n in range(1, 6)
    ]
    items.append(("d-1", make_job(1, "d-1")))  # a redelivery inside the same batch
    items.append(("d-6", make_job(1, "d-6")))  # the same job under a new delivery id
    items.append(("d-7", None))  # a delivery that makes no job
    admissions = queue.admit_many(items)
    assert [a.status for a in admissions] == ["accepted"] * 5 + [
        "duplicate",
        "deduplicated",
        "recorded",
    ]
    assert job_ids_in_queue_order(queue) == [a.job_id for a in admissions[:5]]


def test_a_single_admission_still_queues_its_job(queue: JobQueue) -> None:
    admission = queue.admit("d-1", make_job(1, "d-1"))
    assert job_ids_in_queue_order(queue) == [admission.job_id]


# --- a queue that refuses after the commit -----------------------------------------------


def test_refused_message_keeps_the_job_and_is_offered_again(sqlite_queue: JobQueue) -> None:
    with queue_refusing(sqlite_queue):
        admission = sqlite_queue.admit("d-1", make_job(1, "d-1"))
        assert admission.status == "accepted" and admission.job_id
        rec = sqlite_queue.ledger.get(admission.job_id)
        assert rec is not None and rec.state == "queued"  # durably recorded all the same
        assert sqlite_queue.unsent == 1
        assert sqlite_queue.resubmit() == 1  # still refused: still kept
    assert sqlite_queue.resubmit() == 0
    assert job_ids_in_queue_order(sqlite_queue) == [admission.job_id]


def test_a_later_batch_carries_the_refused_jobs_first(sqlite_queue: JobQueue) -> None:
    with queue_refusing(sqlite_queue):
        first = sqlite_queue.admit("d-1", make_job(1, "d-1"))
    second = sqlite_queue.admit("d-2", make_job(2, "d-2"))
    assert sqlite_queue.unsent == 0
    assert job_ids_in_queue_order(sqlite_queue) == [first.job_id, second.job_id]


def test_running_receiver_queues_a_refused_job_without_a_restart(
    sqlite_queue: JobQueue,
) -> None:
    body = pr_body(41)
    with TestClient(create_app(SETTINGS, sqlite_queue)) as client:
        with queue_refusing(sqlite_queue):
            res = client.post("/webhook", content=body, headers=signed(body, "d-41"))
            assert res.status_code == 202 and res.json()["status"] == "queued"
            assert sqlite_queue.unsent == 1
        # no new delivery arrives: the receiver's own retry must put the message on
        wait_for(lambda: sqlite_queue.unsent == 0, timeout=RESUBMIT_S * 10)
    assert job_ids_in_queue_order(sqlite_queue) == [res.json()["job_id"]]


# --- concurrent deliveries through the app -------------------------------------------


def test_concurrent_deliveries_each_become_one_job(queue: JobQueue) -> None:
    bodies = {f"d-{n}": pr_body(n) for n in range(1, 41)}
    twice = "d-7"  # delivered twice at once: one acceptance, one duplicate

    async def deliver_all() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=create_app(SETTINGS, queue))
        async with httpx.AsyncClient(transport=transport, base_url="http://bastion") as client:
            posts = [
                client.post("/webhook", content=body, headers=signed(body, delivery))
                for delivery, body in [*bodies.items(), (twice, bodies[twice])]
            ]
            return list(await asyncio.gather(*posts))

    responses = asyncio.run(deliver_all())
    statuses = sorted(r.json()["status"] for r in responses)
    assert statuses == ["duplicate"] + ["queued"] * 40
    job_ids = {r.json()["job_id"] for r in responses if r.status_code == 202}
    assert len(job_ids) == 40
    assert sorted(job_ids_in_queue_order(queue)) == sorted(job_ids)
    assert queue.ledger.counts() == {"queued": 40}


# --- parsing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc",
    [b'{"a": 1, "a": 2}', b' {"x": [1, 2.5, "\\u00e9", null, true]} ', b'"\\ud800"', b"[NaN]"],
)
def test_parse_json_reads_what_the_standard_library_reads(doc: bytes) -> None:
    assert repr(parse_json(doc)) == repr(json.loads(doc))


def test_parse_json_keeps_nan_a_float() -> None:
    assert math.isnan(parse_json(b"[NaN]")[0])


@pytest.mark.parametrize("doc", [b"", b"{", b"\xff", b"[1,]"])
def test_parse_json_refuses_what_the_standard_library_refuses(doc: bytes) -> None:
    with pytest.raises(ValueError):
        json.loads(doc)
    with pytest.raises(ValueError):
        parse_json(doc)


# --- the ledger's WAL --------------------------------------------------------------------


def wal_restarts(db: Path) -> int:
    """The WAL header's checkpoint sequence number: it counts the WAL's restarts."""
    header = Path(f"{db}-wal").read_bytes()[:16]
    return int.from_bytes(header[12:16], "big")


def test_the_wal_restarts_while_commits_skip_checkpointing(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    ledger = SqliteLedger(db)
    try:
        ledger.admit_many([("first", None)])
        before = wal_restarts(db)
        for start in range(0, 6000, 200):  # some 6,000 pages of WAL if nothing copied them
            batch: list[tuple[str, ReviewJob | None]] = [
                (f"d-{n}", make_job(n + 1, f"d-{n}")) for n in range(start, start + 200)
            ]
            ledger.admit_many(batch)
            time.sleep(0.01)

        def restarted() -> bool:
            ledger.admit_many([(str(uuid.uuid4()), None)])  # a write after a full checkpoint
            return wal_restarts(db) > before

        wait_for(restarted)
        assert ledger.counts() == {"queued": 6000}
    finally:
        ledger.close()
    assert not [t for t in threading.enumerate() if t.name == "bastion-ledger-checkpoint"]
