"""Signed deliveries with every field of GitHub's own examples mutated, sent to the real
receiver: each gets a clear 4xx, or the documented 2xx (queued, ignored, pong), never a
500, a 503 or a crash; valid deliveries around them are queued. A queued job that is
not a review job is dead-lettered with the reason, and the worker goes on."""

from __future__ import annotations

import asyncio
import copy
import json
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.jobs import ReviewJob
from bot.server.app import create_app, decide, event_label
from bot.server.queue import JobQueue
from bot.server.webhook import SHOWN, Decision, sign
from bot.server.worker import Worker, WorkerOptions
from bot.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "webhooks"
SECRET = "hostile-secret-5e2a"
SETTINGS = Settings(GITHUB_WEBHOOK_SECRET=SECRET, GITHUB_TOKEN="t0ken-for-tests")

# (event, fixture): one of each kind of delivery that can become a job.
DELIVERIES = [
    ("pull_request", "pull_request.opened.payload"),
    ("pull_request", "pull_request.closed.payload"),
    ("issue_comment", "issue_comment.created.on-pull-request.payload"),
    ("pull_request_review_comment", "pull_request_review_comment.created.payload"),
    ("installation", "installation.deleted.payload"),
    ("ping", "ping.payload"),
]
MISSING = object()
MUTATIONS: dict[str, Any] = {
    "missing": MISSING,
    "null": None,
    "list": [1],
    "object": {"x": 1},
    "string": "7",
    "huge string": "A" * 100_000,
    "huge int": 10**40,
    "negative": -1,
    "zero": 0,
    "float": 1.5,
    "bool": True,
    "lone surrogate": "\ud800",
    "control characters": "a\x00\n\u202eb",
    "html and mention": "<img src=x onerror=alert(1)> @everyone",
}


def payload(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    if "review comment" not in name and name.startswith(("issue_comment", "pull_request_review")):
        data["comment"]["body"] = "/review"  # so that the comment reaches the job checks
    return data


def leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every field, nested ones too (the first item of a list stands for the rest)."""
    if path:
        yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list) and data:
        yield from leaves(data[0], (*path, 0))


def mutated(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    parent: Any = out
    for part in path[:-1]:
        parent = parent[part]
    if value is MISSING:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return out


def storable(decision: Decision) -> None:
    """What the receiver would write to the ledger reads back as the same job."""
    if decision.job is not None:
        text = decision.job.model_dump_json()
        text.encode("utf-8")
        assert ReviewJob.model_validate_json(text) == decision.job


@pytest.mark.parametrize("kind", list(MUTATIONS))
def test_every_field_mutated_is_decided_and_storable(kind: str) -> None:
    value = MUTATIONS[kind]
    for event, name in DELIVERIES:
        data = payload(name)
        for path in leaves(data):
            body = json.dumps(mutated(data, path, value)).encode()
            decision = decide(event, "d-1", body, "bastion")
            where = f"{event} {'.'.join(map(str, path))} = {kind}"
            assert isinstance(decision, Decision), where
            assert decision.kind in {"job", "ping", "ignored", "installation", "invalid"}, where
            if decision.kind == "invalid":
                assert decision.reason and len(decision.reason) < 400, where
            assert len(decision.reason) < 400, where
            storable(decision)


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[JobQueue]:
    q = JobQueue(None, tmp_path / "data")
    yield q
    q.close()


def _pr_body(number: int) -> bytes:
    data = payload("pull_request.opened.payload")
    data["number"] = data["pull_request"]["number"] = number
    data["pull_request"]["head"]["sha"] = f"{number:040x}"
    return json.dumps(data).encode()


def _comment_body(body: str, **user: str) -> bytes:
    data = payload("issue_comment.created.on-pull-request.payload")
    data["comment"]["body"] = body
    data["comment"]["user"].update(user)
    return json.dumps(data).encode()


def _digits(count: int) -> bytes:
    text = _pr_body(7).decode()
    return text.replace('"number": 7', '"number": ' + "9" * count).encode()


# (event, body, expected status, words the answer's detail or reason must hold)
BODIES: dict[str, tuple[str, bytes, int, str]] = {
    "50 MB body": ("pull_request", b" " * 50_000_000, 413, "25 MiB"),
    "invalid UTF-8": ("pull_request", b'{"action": "\xff\xfe"}', 400, "not JSON"),
    "surrogate escape": ("issue_comment", _comment_body("/review \ud800"), 400, "comment.body"),
    "surrogate bytes": (
        "issue_comment",
        _comment_body("/review XX").replace(b"XX", b"\xed\xa0\x80"),
        400,
        "comment.body",
    ),
    "number of 10^6 digits": ("pull_request", _digits(1_000_000), 400, "4,300 digits"),
    "float of 10^6 digits": (
        "pull_request",
        _pr_body(7).replace(b'"number": 7', b'"number": 7.' + b"9" * 1_000_000),
        400,
        "pull_request.number",
    ),
    "duplicate keys, last is odd": (
        "pull_request",
        _pr_body(7)[:-1] + b', "pull_request": 5}',
        400,
        "pull_request",
    ),
    "unknown action, 1 MB": (
        "pull_request",
        json.dumps({"action": "x" * 1_000_000}).encode(),
        202,
        "is not reviewed",
    ),
    "unknown event": ("x" * 5_000, _pr_body(7), 202, "is not handled"),
    "comment longer than GitHub allows": (
        "issue_comment",
        _comment_body("/review " + "a" * 70_000),
        400,
        "comment.body: longer than a GitHub comment can be",
    ),
    "not an object": ("pull_request", b"[1, 2]", 400, "not a JSON object"),
    "empty": ("pull_request", b"", 400, "not JSON"),
    "login with a slash": (
        "issue_comment",
        _comment_body("/review", login="../../orgs/x"),
        400,
        "comment.user.login",
    ),
    "account type of 1 MB": (
        "issue_comment",
        _comment_body("/review", type="T" * 1_000_000),
        400,
        "comment.user.type",
    ),
}


@pytest.mark.parametrize("kind", list(BODIES))
def test_hostile_bodies_get_a_clear_answer_and_nothing_else_is_lost(
    kind: str, queue: JobQueue
) -> None:
    event, body, status, words = BODIES[kind]
    sent = [("pull_request", _pr_body(1)), (event, body), ("pull_request", _pr_body(2))]

    async def deliver() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=create_app(SETTINGS, queue))
        async with httpx.AsyncClient(transport=transport, base_url="http://bastion") as client:
            out = []
            for name, raw in sent:
                headers = {
                    "Content-Type": "application/json",
                    "X-GitHub-Event": name,
                    "X-GitHub-Delivery": str(uuid.uuid4()),
                    "X-Hub-Signature-256": sign(SECRET, raw),
                }
                out.append(await client.post("/webhook", content=raw, headers=headers))
            out.append(await client.get("/metrics"))
            return out

    before, answer, after, metrics = asyncio.run(deliver())
    assert answer.status_code == status, answer.text[:300]
    assert len(answer.content) < 1_000
    assert words in answer.text
    assert (before.status_code, after.status_code) == (202, 202)
    assert queue.ledger.counts() == {"queued": 2}
    assert "x" * (SHOWN + 1) not in metrics.text  # an event's name is no label


def test_metrics_labels_are_the_handled_events_only() -> None:
    assert event_label("pull_request") == "pull_request"
    assert event_label("") == "(none)"
    assert event_label("made-up-" + "y" * 100) == "other"


def test_a_queued_job_that_is_not_a_review_job_is_dead_and_the_next_runs(
    queue: JobQueue, tmp_path: Path
) -> None:
    ran: list[int] = []
    worker = Worker(
        queue,
        SETTINGS,
        lambda job, _settings: ran.append(job.pr_number),
        WorkerOptions(threads=1, backoff_base_s=0),
    )
    ids = []
    for number in (1, 2, 3):
        job = ReviewJob(
            delivery_id=f"d-{number}", repo="acme/api", pr_number=number,
            head_sha="a" * 40, trigger="opened",
        )  # fmt: skip
        admission = queue.ledger.admit(f"d-{number}", job)
        queue.submit(admission.job_id)
        ids.append(admission.job_id)
    odd = {"delivery_id": "d-2", "repo": "acme/api", "pr_number": 2, "trigger": "opened"}
    odd["head_sha"] = "../../../orgs/acme"
    with sqlite3.connect(tmp_path / "data" / "ledger.db") as db:
        db.execute("update jobs set job = ? where id = ?", (json.dumps(odd), ids[1]))
    worker.run_pending()
    assert ran == [1, 3]
    dead = queue.ledger.get(ids[1])
    assert dead is not None and dead.state == "dead"
    assert dead.error is not None and "not a review job: head_sha" in dead.error


def test_a_large_body_is_parsed_off_the_event_loop(queue: JobQueue) -> None:
    """A 20 MB body of small keys takes seconds to parse; a probe sent meanwhile is
    answered first."""
    body = b"{" + b",".join(b'"k%d":1' % i for i in range(1_500_000)) + b"}"
    finished: list[str] = []

    async def both() -> None:
        transport = httpx.ASGITransport(app=create_app(SETTINGS, queue))
        async with httpx.AsyncClient(transport=transport, base_url="http://bastion") as client:

            async def big() -> None:
                headers = {
                    "X-GitHub-Event": "pull_request",
                    "X-GitHub-Delivery": "big-1",
                    "X-Hub-Signature-256": sign(SECRET, body),
                }
                res = await client.post("/webhook", content=body, headers=headers)
                assert res.status_code == 202
                finished.append("delivery")

            async def probe() -> None:
                await asyncio.sleep(0.05)  # once the delivery is being parsed
                assert (await client.get("/healthz")).status_code == 200
                finished.append("probe")

            await asyncio.gather(big(), probe())

    asyncio.run(both())
    assert finished == ["probe", "delivery"]
