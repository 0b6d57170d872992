"""The webhook receiver, driven with GitHub's own payload examples signed here.

Every row of the SPEC's webhook table, on a real SQLite ledger and Huey queue.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.server.app import MAX_BODY, create_app
from bot.server.queue import JobQueue
from bot.server.webhook import looks_like_command, route, sign, verify_signature
from bot.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "webhooks"
SECRET = "test-webhook-secret-8c1f"


def payload(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


@pytest.fixture
def queue(tmp_path: Path) -> Iterator[JobQueue]:
    q = JobQueue(None, tmp_path / "data")
    yield q
    q.close()


@pytest.fixture
def client(queue: JobQueue) -> Iterator[TestClient]:
    settings = Settings(GITHUB_WEBHOOK_SECRET=SECRET, GITHUB_TOKEN="t0ken-for-tests")
    with TestClient(create_app(settings, queue)) as c:
        yield c


def post(
    client: TestClient,
    event: str | None,
    body: bytes | dict[str, Any],
    delivery: str | None = None,
    secret: str | None = SECRET,
    signature: str | None = None,
) -> Any:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"Content-Type": "application/json", "User-Agent": "GitHub-Hookshot/test"}
    if event is not None:
        headers["X-GitHub-Event"] = event
    headers["X-GitHub-Delivery"] = delivery or str(uuid.uuid4())
    if signature is not None:
        headers["X-Hub-Signature-256"] = signature
    elif secret is not None:
        headers["X-Hub-Signature-256"] = sign(secret, raw)
    return client.post("/webhook", content=raw, headers=headers)


def queued(queue: JobQueue) -> int:
    return queue.huey.pending_count()


# --- the signature ------------------------------------------------------------------


def test_github_test_vector() -> None:
    expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    assert sign("It's a Secret to Everybody", b"Hello, World!") == expected
    assert verify_signature("It's a Secret to Everybody", b"Hello, World!", expected)


@pytest.mark.parametrize(
    "header",
    [None, "", "sha256=", "sha1=757107ea0eb2509fc211221cce984b8a37570b6d", "sha256=" + "0" * 64],
)
def test_bad_signatures_fail(header: str | None) -> None:
    assert not verify_signature("It's a Secret to Everybody", b"Hello, World!", header)


def test_signature_covers_every_byte() -> None:
    good = sign(SECRET, b'{"a": 1}')
    assert not verify_signature(SECRET, b'{"a":1}', good)


# --- routing (pure) -----------------------------------------------------------------


@pytest.mark.parametrize("action", ["opened", "reopened", "synchronize"])
def test_pull_request_actions_become_jobs(action: str) -> None:
    data = payload(f"pull_request.{action}.payload")
    decision = route("pull_request", data, "d-1")
    assert decision.kind == "job" and decision.job is not None
    assert decision.job.repo == data["repository"]["full_name"]
    assert decision.job.pr_number == data["pull_request"]["number"]
    assert decision.job.head_sha == data["pull_request"]["head"]["sha"]
    assert decision.job.trigger == action
    assert decision.job.installation_id == data["installation"]["id"]


def test_ready_for_review_becomes_a_job() -> None:
    data = payload("pull_request.ready_for_review.with-installation.payload")
    decision = route("pull_request", data, "d-1")
    assert decision.job is not None and decision.job.trigger == "ready_for_review"


def test_drafts_are_queued_for_the_worker_to_judge() -> None:
    data = payload("pull_request.opened.payload")
    data["pull_request"]["draft"] = True
    assert route("pull_request", data, "d-1").kind == "job"


@pytest.mark.parametrize(
    ("event", "name"),
    [
        ("pull_request", "pull_request.labeled.payload"),
        ("issue_comment", "issue_comment.edited.payload"),
        ("issue_comment", "issue_comment.created.with-installation.payload"),  # not on a PR
        ("check_run", "check_run.created.payload"),
    ],
)
def test_unhandled_deliveries_are_ignored(event: str, name: str) -> None:
    assert route(event, payload(name), "d-1").kind == "ignored"


def test_a_closing_pr_is_queued_to_read_its_feedback_once() -> None:
    decision = route("pull_request", payload("pull_request.closed.payload"), "d-1")
    assert decision.kind == "job" and decision.job is not None
    assert decision.job.trigger == "closed"


def test_closed_pr_is_never_reviewed_even_on_a_handled_action() -> None:
    data = payload("pull_request.synchronize.payload")
    data["pull_request"]["state"] = "closed"
    assert route("pull_request", data, "d-1").kind == "ignored"


def test_bot_senders_are_ignored() -> None:
    data = payload("issue_comment.created.on-pull-request.payload")
    data["sender"]["type"] = "Bot"
    assert route("issue_comment", data, "d-1").kind == "ignored"


def test_pr_comment_command_becomes_a_command_job() -> None:
    data = payload("issue_comment.created.on-pull-request.payload")
    decision = route("issue_comment", data, "d-1")
    assert decision.job is not None
    assert decision.job.trigger == "command" and decision.job.head_sha is None
    assert decision.job.comment is not None
    assert decision.job.comment.comment_id == data["comment"]["id"]
    assert decision.job.comment.body == "/review security"
    assert decision.job.comment.author == data["comment"]["user"]["login"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("/review", True),
        ("/review security indexing", True),
        ("/ask why is this slow?", True),
        ("/bastion help", True),
        ("thanks!\n/review", True),
        ("@bastion review please", True),
        ("@bastion[bot] review", True),
        ("@alice review this", False),
        ("please review", False),
        ("see /reviewers", False),
        ("", False),
    ],
)
def test_command_detection(body: str, expected: bool) -> None:
    assert looks_like_command(body, "bastion") is expected


def test_plain_comment_on_a_pr_is_ignored() -> None:
    data = payload("issue_comment.created.on-pull-request.payload")
    data["comment"]["body"] = "LGTM"
    assert route("issue_comment", data, "d-1").kind == "ignored"


def test_odd_payloads_never_raise() -> None:
    for data in ({}, {"action": 3}, {"action": "opened", "pull_request": []}):
        assert route("pull_request", data, "d").kind in ("ignored", "invalid")
    assert route("issue_comment", {"action": "created", "issue": "x"}, "d").kind == "invalid"


def test_built_pr_comment_fixture_matches_githubs_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from referencing import Registry, Resource

    common = [json.loads(p.read_text()) for p in (FIXTURES / "schemas" / "common").glob("*.json")]
    registry: Registry[Any] = Registry().with_resources(
        (doc["$id"], Resource.from_contents(doc)) for doc in common
    )
    schema = json.loads((FIXTURES / "schemas" / "issue_comment.created.schema.json").read_text())
    data = payload("issue_comment.created.on-pull-request.payload")
    jsonschema.Draft7Validator(schema, registry=registry).validate(data)
    assert "pull_request" in data["issue"]


# --- the receiver, row by row -------------------------------------------------------


def test_handled_event_is_202_after_a_durable_enqueue(client: TestClient, queue: JobQueue) -> None:
    data = payload("pull_request.opened.payload")
    res = post(client, "pull_request", data, delivery="d-opened")
    assert res.status_code == 202
    assert res.json()["status"] == "queued"
    job_id = res.json()["job_id"]
    rec = queue.ledger.get(job_id)
    assert rec is not None and rec.state == "queued" and rec.delivery_id == "d-opened"
    assert rec.head_sha == data["pull_request"]["head"]["sha"]
    assert queued(queue) == 1


def test_ping_is_200(client: TestClient, queue: JobQueue) -> None:
    res = post(client, "ping", payload("ping.payload"))
    assert res.status_code == 200
    assert queued(queue) == 0


@pytest.mark.parametrize(
    ("event", "name"),
    [
        ("pull_request", "pull_request.labeled.payload"),
        ("issue_comment", "issue_comment.edited.payload"),
        ("check_run", "check_run.created.payload"),
    ],
)
def test_unhandled_is_202_ignored(
    client: TestClient, queue: JobQueue, event: str, name: str
) -> None:
    res = post(client, event, payload(name))
    assert res.status_code == 202
    assert res.json()["status"] == "ignored"
    assert queued(queue) == 0 and queue.ledger.counts() == {}


def test_same_delivery_again_is_200_duplicate(client: TestClient, queue: JobQueue) -> None:
    data = payload("pull_request.opened.payload")
    assert post(client, "pull_request", data, delivery="d-same").status_code == 202
    again = post(client, "pull_request", data, delivery="d-same")
    assert again.status_code == 200
    assert again.json() == {"status": "duplicate"}
    assert queued(queue) == 1
    assert queue.ledger.counts() == {"queued": 1}


@pytest.mark.parametrize("signature", [None, "sha256=" + "ab" * 32, "garbage"])
def test_missing_or_wrong_signature_is_401(
    client: TestClient, queue: JobQueue, signature: str | None
) -> None:
    data = payload("pull_request.opened.payload")
    if signature is None:
        res = post(client, "pull_request", data, secret=None)
    else:
        res = post(client, "pull_request", data, signature=signature)
    assert res.status_code == 401
    assert queued(queue) == 0 and queue.ledger.counts() == {}


def test_signed_with_another_secret_is_401(client: TestClient, queue: JobQueue) -> None:
    res = post(client, "pull_request", payload("pull_request.opened.payload"), secret="other")
    assert res.status_code == 401
    assert queued(queue) == 0


def test_declared_body_over_25_mib_is_413(client: TestClient, queue: JobQueue) -> None:
    res = client.post(
        "/webhook",
        content=b"{}",
        headers={"X-GitHub-Event": "ping", "Content-Length": str(MAX_BODY + 1)},
    )
    assert res.status_code == 413
    assert queued(queue) == 0


def test_streamed_body_over_25_mib_is_413(client: TestClient, queue: JobQueue) -> None:
    chunk = b" " * (1024 * 1024)

    def body() -> Iterator[bytes]:
        yield b'{"zen": "'
        for _ in range(26):
            yield chunk
        yield b'"}'

    res = client.post("/webhook", content=body(), headers={"X-GitHub-Event": "ping"})
    assert res.status_code == 413
    assert queued(queue) == 0


def test_body_just_under_the_limit_is_read(client: TestClient) -> None:
    raw = b'{"zen": "' + b" " * (MAX_BODY - 20) + b'"}'
    res = post(client, "ping", raw)
    assert res.status_code == 200


def test_not_json_is_400(client: TestClient, queue: JobQueue) -> None:
    assert post(client, "pull_request", b"not json {").status_code == 400
    assert post(client, "pull_request", b"[1, 2]").status_code == 400
    assert queued(queue) == 0


def test_missing_event_header_is_400(client: TestClient, queue: JobQueue) -> None:
    res = post(client, None, payload("pull_request.opened.payload"))
    assert res.status_code == 400
    assert queued(queue) == 0


def test_bot_comment_is_ignored(client: TestClient, queue: JobQueue) -> None:
    data = payload("issue_comment.created.on-pull-request.payload")
    data["sender"]["type"] = "Bot"
    res = post(client, "issue_comment", data)
    assert res.json()["status"] == "ignored"
    assert queued(queue) == 0


def test_pr_comment_command_is_queued(client: TestClient, queue: JobQueue) -> None:
    res = post(client, "issue_comment", payload("issue_comment.created.on-pull-request.payload"))
    assert res.status_code == 202
    rec = queue.ledger.get(res.json()["job_id"])
    assert rec is not None and rec.trigger == "command"
    job = rec.review_job()
    assert job.comment is not None and job.comment.body == "/review security"


@pytest.mark.parametrize(
    ("event", "name"),
    [
        ("installation", "installation.created.payload"),
        ("installation", "installation.deleted.payload"),
        ("installation_repositories", "installation_repositories.added.payload"),
    ],
)
def test_installation_events_are_logged_not_queued(
    client: TestClient, queue: JobQueue, event: str, name: str
) -> None:
    res = post(client, event, payload(name))
    assert res.status_code == 202
    assert res.json()["status"] == "accepted"
    assert queued(queue) == 0 and queue.ledger.counts() == {}


def test_installation_deleted_drops_the_token_cache(client: TestClient) -> None:
    auth = pytest.importorskip("bot.github.auth")
    cache = getattr(auth, "_cache", None)
    if not isinstance(cache, dict):
        pytest.skip("bot.github.auth keeps no _cache dict to observe")
    data = payload("installation.deleted.payload")
    inst = data["installation"]["id"]
    cache[inst] = object()
    post(client, "installation", data)
    assert inst not in cache


# --- dedupe and superseding ---------------------------------------------------------


def test_burst_for_one_sha_makes_one_job(client: TestClient, queue: JobQueue) -> None:
    data = payload("pull_request.synchronize.payload")
    answers = [post(client, "pull_request", data).json() for _ in range(5)]
    assert len({a["job_id"] for a in answers}) == 1
    assert [a.get("deduplicated", False) for a in answers] == [False] + [True] * 4
    assert queue.ledger.counts() == {"queued": 1}
    assert queued(queue) == 1


def test_newer_head_supersedes_the_queued_older_one(client: TestClient, queue: JobQueue) -> None:
    data = payload("pull_request.synchronize.payload")
    first = post(client, "pull_request", data).json()["job_id"]
    data["pull_request"]["head"]["sha"] = "f" * 40
    second = post(client, "pull_request", data).json()["job_id"]
    old, new = queue.ledger.get(first), queue.ledger.get(second)
    assert old is not None and old.state == "superseded"
    assert new is not None and new.state == "queued"


def test_other_prs_are_not_superseded(client: TestClient, queue: JobQueue) -> None:
    data = payload("pull_request.synchronize.payload")
    first = post(client, "pull_request", data).json()["job_id"]
    data["pull_request"]["number"] += 1
    data["pull_request"]["head"]["sha"] = "e" * 40
    post(client, "pull_request", data)
    rec = queue.ledger.get(first)
    assert rec is not None and rec.state == "queued"


# --- health and metrics -------------------------------------------------------------


def test_health_ready_and_metrics(client: TestClient) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    post(client, "pull_request", payload("pull_request.opened.payload"))
    post(client, "pull_request", payload("pull_request.labeled.payload"))
    text = client.get("/metrics").text
    assert 'bastion_webhooks_total{event="pull_request",outcome="queued"}' in text
    assert 'bastion_webhooks_total{event="pull_request",outcome="ignored"}' in text
    assert "bastion_queue_depth 1.0" in text
    for name in (
        "bastion_jobs_total",
        "bastion_job_duration_seconds",
        "bastion_github_api_calls_total",
        "bastion_github_api_errors_total",
        "bastion_findings_posted_total",
        "bastion_llm_tokens_total",
    ):
        assert f"# TYPE {name.removesuffix('_total')}" in text


def test_readyz_is_503_when_the_ledger_is_gone(client: TestClient, queue: JobQueue) -> None:
    queue.ledger.close()
    ledger_path = Path(getattr(queue.ledger, "path"))  # noqa: B009 - SQLite ledger only
    ledger_path.unlink()
    ledger_path.mkdir()  # a directory where the database was: it cannot be opened
    assert client.get("/readyz").status_code == 503


def test_review_comment_commands_are_queued_for_their_thread() -> None:
    data = payload("pull_request_review_comment.created.payload")
    # GitHub's example is a plain remark: no command, nothing queued.
    assert route("pull_request_review_comment", data, "d-1").kind == "ignored"
    data["comment"]["body"] = "/bastion explain"
    decision = route("pull_request_review_comment", data, "d-1")
    assert decision.job is not None and decision.job.comment is not None
    assert decision.job.trigger == "command" and decision.job.head_sha is None
    assert decision.job.pr_number == data["pull_request"]["number"]
    # The first comment of a thread is its own root; a reply names the root.
    assert decision.job.comment.review_thread == data["comment"]["id"]
    data["comment"]["in_reply_to_id"] = 42
    decision = route("pull_request_review_comment", data, "d-2")
    assert decision.job is not None and decision.job.comment is not None
    assert decision.job.comment.review_thread == 42


@pytest.mark.parametrize(
    ("change", "kind", "words"),
    [
        ({"in_reply_to_id": "42"}, "invalid", "comment.in_reply_to_id: expected an integer"),
        ({"in_reply_to_id": 0}, "invalid", "comment.in_reply_to_id: 0 is out of range"),
        ({"id": True}, "invalid", "comment.id: expected an integer"),
        ({"user": {"login": ""}}, "invalid", "comment.user.login: expected a login"),
    ],
)
def test_review_comment_fields_are_checked(change: dict[str, Any], kind: str, words: str) -> None:
    data = payload("pull_request_review_comment.created.payload")
    data["comment"].update({"body": "/bastion ignore sql-injection", **change})
    decision = route("pull_request_review_comment", data, "d-1")
    assert decision.kind == kind and words in decision.reason


def test_review_comment_edits_closed_prs_and_bots_are_ignored() -> None:
    data = payload("pull_request_review_comment.created.payload")
    data["comment"]["body"] = "/bastion explain"
    assert route("pull_request_review_comment", {**data, "action": "edited"}, "d").kind == (
        "ignored"
    )
    closed = json.loads(json.dumps(data))
    closed["pull_request"]["state"] = "closed"
    assert route("pull_request_review_comment", closed, "d").kind == "ignored"
    bot = json.loads(json.dumps(data))
    bot["sender"]["type"] = "Bot"
    assert route("pull_request_review_comment", bot, "d").kind == "ignored"
    assert route("pull_request_review_comment", {"action": "created"}, "d").kind == "invalid"
