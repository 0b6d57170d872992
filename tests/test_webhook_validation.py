"""Every field of a delivery that reaches the ledger is checked first (400 naming it),
and one delivery the store cannot take never costs the others in its batch."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.jobs import ReviewJob
from bot.server.app import create_app
from bot.server.queue import JobQueue
from bot.server.webhook import route, sign
from bot.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "webhooks"
SECRET = "validation-secret-71d0"
SETTINGS = Settings(GITHUB_WEBHOOK_SECRET=SECRET, GITHUB_TOKEN="t0ken-for-tests")


def payload(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[JobQueue]:
    q = JobQueue(None, tmp_path / "data")
    yield q
    q.close()


def pr_delivery(number: Any) -> dict[str, Any]:
    data = payload("pull_request.opened.payload")
    data["number"] = data["pull_request"]["number"] = number
    return data


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for part in parents:
            data = data[part]
        data[last] = value

    return change


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("pull_request.number", 2**63), "pull_request.number"),
        (_set("pull_request.number", 2**31), "pull_request.number"),
        (_set("pull_request.number", 0), "pull_request.number"),
        (_set("pull_request.number", -4), "pull_request.number"),
        (_set("pull_request.number", "7"), "pull_request.number"),
        (_set("pull_request.number", True), "pull_request.number"),
        (_set("pull_request.number", 7.0), "pull_request.number"),
        (_set("pull_request.head.sha", "main"), "pull_request.head.sha"),
        (_set("pull_request.head.sha", None), "pull_request.head.sha"),
        (_set("installation", {"id": "42"}), "installation.id"),
        (_set("installation", {"id": False}), "installation.id"),
        (_set("installation", {"id": 2**63}), "installation.id"),
        (_set("installation", 42), "installation"),
        (_set("repository.full_name", "acme/.."), "repository.full_name"),
        (_set("repository.full_name", "acme/."), "repository.full_name"),
        (_set("repository.full_name", "../etc"), "repository.full_name"),
        (_set("repository.full_name", "acme/shop/extra"), "repository.full_name"),
        (_set("repository.full_name", "-acme/shop"), "repository.full_name"),
        (_set("repository.full_name", 12), "repository.full_name"),
    ],
)
def test_pull_request_fields_are_checked(change: Any, field: str) -> None:
    data = payload("pull_request.opened.payload")
    data.setdefault("installation", {"id": 1})
    change(data)
    decision = route("pull_request", data, "d-1")
    assert decision.kind == "invalid"
    assert field + ":" in decision.reason


def test_names_github_allows_pass() -> None:
    for name in ("acme/shop", "Codertocat/Hello-World", "a-b/.github", "x/repo.name_2", "o/..a"):
        data = payload("pull_request.opened.payload")
        data["repository"]["full_name"] = name
        assert route("pull_request", data, "d-1").kind == "job", name


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (_set("issue.number", "2"), "issue.number"),
        (_set("issue.number", 2**40), "issue.number"),
        (_set("comment.id", "99"), "comment.id"),
        (_set("comment.id", 2**63), "comment.id"),
        (_set("comment.user", {"login": 5}), "comment.user.login"),
    ],
)
def test_comment_fields_are_checked(change: Any, field: str) -> None:
    data = payload("issue_comment.created.on-pull-request.payload")
    data["comment"]["body"] = "/review"
    change(data)
    decision = route("issue_comment", data, "d-1")
    assert decision.kind == "invalid"
    assert field + ":" in decision.reason


def test_installation_event_with_a_bad_id_is_invalid() -> None:
    data = {"action": "created", "installation": {"id": "1"}}
    assert route("installation", data, "d-1").kind == "invalid"


def test_pr_events_sent_by_bots_are_queued_for_the_config_to_decide() -> None:
    data = payload("pull_request.opened.payload")
    data["sender"] = {"login": "dependabot[bot]", "type": "Bot"}
    data["pull_request"]["user"] = {"login": "dependabot[bot]", "type": "Bot"}
    decision = route("pull_request", data, "d-1")
    assert decision.kind == "job"


def test_comments_by_bots_still_trigger_nothing() -> None:
    data = payload("issue_comment.created.on-pull-request.payload")
    data["comment"]["body"] = "/review"
    data["sender"]["type"] = "Bot"
    assert route("issue_comment", data, "d-1").kind == "ignored"


def test_one_poison_delivery_does_not_cost_its_batch(queue: JobQueue) -> None:
    good = {f"good-{n}": json.dumps(pr_delivery(n)).encode() for n in range(1, 11)}
    poison = json.dumps(pr_delivery(2**63)).encode()
    deliveries = [*good.items(), ("poison", poison)]

    async def deliver_all() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=create_app(SETTINGS, queue))
        async with httpx.AsyncClient(transport=transport, base_url="http://bastion") as client:
            posts = [
                client.post(
                    "/webhook",
                    content=body,
                    headers={
                        "Content-Type": "application/json",
                        "X-GitHub-Event": "pull_request",
                        "X-GitHub-Delivery": delivery,
                        "X-Hub-Signature-256": sign(SECRET, body),
                    },
                )
                for delivery, body in deliveries
            ]
            return list(await asyncio.gather(*posts))

    responses = asyncio.run(deliver_all())
    *goods, bad = responses
    assert bad.status_code == 400 and "pull_request.number" in bad.json()["detail"]
    assert [r.status_code for r in goods] == [202] * 10
    assert queue.ledger.counts() == {"queued": 10}


def test_the_store_keeps_a_batch_when_one_item_fails(queue: JobQueue) -> None:
    def job(number: int, delivery: str) -> ReviewJob:
        return ReviewJob(
            delivery_id=delivery, repo="acme/api", pr_number=number, head_sha="a" * 40,
            trigger="opened",
        )  # fmt: skip

    items: list[tuple[str, ReviewJob | None]] = [
        ("d-1", job(1, "d-1")),
        # Past every check (the model's too), SQLite cannot store it.
        ("d-big", ReviewJob.model_construct(**{**job(2, "d-big").__dict__, "pr_number": 2**63})),
        ("d-3", job(3, "d-3")),
        ("d-4", None),
    ]
    admissions = queue.ledger.admit_many(items)
    assert [a.status for a in admissions] == ["accepted", "failed", "accepted", "recorded"]
    assert "OverflowError" in admissions[1].error
    # Not recorded, so GitHub's redelivery of it is not a duplicate.
    assert queue.ledger.admit("d-big", None).status == "recorded"
    assert queue.ledger.counts() == {"queued": 2}
