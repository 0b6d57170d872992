"""The FastAPI app: `POST /webhook`, `GET /healthz`, `GET /readyz`, `GET /metrics`.

The request path does three things only: check the signature on the raw bytes, decide
what the delivery means, and write it to the ledger and the queue. No GitHub or LLM
call happens before the answer.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Receive, Scope, Send

from bot.server import metrics
from bot.server.logs import Outage, log_context
from bot.server.queue import GroupCommit, JobQueue
from bot.server.webhook import HANDLED_EVENTS, Decision, route, shown, verify_signature
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.server.supervisor import WorkerPool


def _orjson() -> Callable[[bytes], Any] | None:
    try:  # optional: the standard library parses the same documents
        module = importlib.import_module("orjson")
    except ImportError:
        return None
    loads: Callable[[bytes], Any] = module.loads
    return loads


_orjson_loads = _orjson()

log = logging.getLogger("bastion.webhook")

MAX_BODY = 25 * 1024 * 1024
# All request headers together, names and values. GitHub sends about 1 KiB; the limit
# is checked here for every HTTP stack, and h11 is also told to stop reading there.
MAX_HEADER_BYTES = 16 * 1024
# orjson refuses documents nested deeper than this (a pull request payload nests about
# ten levels); what it refuses is not handed to the recursive standard-library parser.
MAX_JSON_DEPTH = 1024
# A body past this is parsed on a worker thread: 25 MiB of small keys takes seconds, and
# on the event loop no other request (a health probe either) would be answered then.
# Below it (every delivery GitHub sends) the thread would cost more than the parse.
PARSE_INLINE_BYTES = 1024 * 1024


def event_label(event: str) -> str:
    """The metrics label of an `X-GitHub-Event`: a name Bastion handles, else `other`.
    The header is read before the signature is checked, and every label value is a
    series kept until the process ends: a name taken as sent would let anyone grow
    `/metrics` (and memory) one request at a time."""
    if not event:
        return "(none)"
    return event if event in HANDLED_EVENTS else "other"


class Refused(ValueError):
    """JSON that parses in principle, but not within the receiver's bounds."""


class TooDeep(Refused):
    pass


class HeaderLimit:
    """Answer 431 before routing when the request headers pass `MAX_HEADER_BYTES`."""

    def __init__(self, app: ASGIApp, limit: int = MAX_HEADER_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            size = 0
            for name, value in scope["headers"]:
                size += len(name) + len(value) + 4  # ": " and CRLF, as on the wire
            if size > self.limit:
                log.warning("request refused", extra={"status_code": 431, "reason": "headers"})
                response = _answer(
                    431, "error", detail=f"request headers larger than {self.limit // 1024} KiB"
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _answer(code: int, status: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"status": status, **extra}, status_code=code)


async def read_limited(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it passes `limit` bytes (the rest is never read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        if chunk:  # Starlette ends with an empty chunk; one real chunk then joins uncopied
            chunks.append(chunk)
    return b"".join(chunks)


def parse_json(body: bytes) -> Any:
    """`json.loads`, through orjson when it is installed: a pull request delivery is some
    30 KB, and parsing it was the largest cost of a request. Whatever orjson refuses
    (NaN, lone surrogates) goes to `json`, so odd input gets the same answer either way.
    One difference stays: an integer past 64 bits comes out a float, not an int; no id
    or number GitHub sends is that large."""
    if _orjson_loads is not None:
        try:
            return _orjson_loads(body)
        except ValueError as exc:
            if "recursion limit" in str(exc):
                raise TooDeep(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    try:
        return json.loads(body)
    except RecursionError:  # without orjson, the interpreter's recursion limit bounds it
        raise TooDeep(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError as exc:
        # Python's bound on decimal digits, which keeps `int()` from going quadratic.
        if "integer string conversion" in str(exc):
            raise Refused(f"a number longer than {sys.get_int_max_str_digits():,} digits") from None
        raise


def decide(event: str, delivery: str, body: bytes, slug: str) -> Decision | str:
    """The routing decision for a verified body, or why it is not a JSON object.

    The parsed payload (hundreds of objects for a pull request) must not outlive this
    call: held across the ledger commit by every request in flight, it would be what
    the garbage collector spends its time scanning.
    """
    try:
        payload = parse_json(body)
    except Refused as exc:
        return f"body refused: {exc}"
    except (ValueError, UnicodeDecodeError):
        return "body is not JSON"
    if not isinstance(payload, dict):
        return "body is not a JSON object"
    return route(event, payload, delivery, slug)


def _forget_installation(installation_id: int) -> None:
    try:
        from bot.github.auth import forget_installation
    except ImportError:
        return
    forget_installation(installation_id)


def create_app(
    settings: Settings,
    queue: JobQueue,
    app_slug: str | None = None,
    workers: WorkerPool | None = None,
) -> FastAPI:
    secret = (
        settings.github_webhook_secret.get_secret_value() if settings.github_webhook_secret else ""
    )
    slug = app_slug or os.environ.get("BASTION_APP_SLUG") or "bastion"
    committer = GroupCommit(queue)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        committer.close()

    app = FastAPI(
        title="Bastion", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.queue = queue
    app.add_middleware(HeaderLimit)
    store = Outage(log, "queue")

    @app.post("/webhook")
    async def webhook(request: Request) -> Response:
        event = request.headers.get("x-github-event", "")
        delivery = request.headers.get("x-github-delivery", "")
        with log_context(delivery_id=shown(delivery) or None, event=shown(event) or None):
            try:
                body = await read_limited(request, MAX_BODY)
            except ClientDisconnect:  # nobody is left to answer: not worth a warning
                log.debug("client went away before the body was read")
                metrics.WEBHOOKS.labels(event=event_label(event), outcome="disconnected").inc()
                return _answer(400, "error", detail="client disconnected")
            if body is None:
                return _refuse(event, 413, "payload larger than 25 MiB")
            if not verify_signature(secret, body, request.headers.get("x-hub-signature-256")):
                return _refuse(event, 401, "missing or wrong X-Hub-Signature-256")
            if not event:
                return _refuse(event, 400, "missing X-GitHub-Event header")
            if not delivery:
                return _refuse(event, 400, "missing X-GitHub-Delivery header")
            if len(body) > PARSE_INLINE_BYTES:  # the event loop keeps answering meanwhile
                decision = await run_in_threadpool(decide, event, delivery, body, slug)
            else:
                decision = decide(event, delivery, body, slug)
            if isinstance(decision, str):
                return _refuse(event, 400, decision)
            return await _accept(event, delivery, decision)

    async def _accept(event: str, delivery: str, decision: Decision) -> Response:
        if decision.kind == "ping":
            metrics.WEBHOOKS.labels(event=event_label(event), outcome="ping").inc()
            return _answer(200, "pong")
        if decision.kind == "invalid":
            return _refuse(event, 400, decision.reason)
        try:
            admission = await committer.admit(delivery, decision.job)
        except Exception as exc:  # noqa: BLE001 - nothing was promised; GitHub may redeliver
            store.failed(exc)  # one line per outage, not a traceback per delivery
            metrics.WEBHOOKS.labels(event=event_label(event), outcome="error").inc()
            return _answer(503, "unavailable", detail="the queue is not reachable")
        store.ok()
        if admission.status == "failed":  # this delivery only; the rest of its batch is in
            metrics.WEBHOOKS.labels(event=event_label(event), outcome="error").inc()
            log.error("could not record the delivery", extra={"error": admission.error})
            return _answer(503, "unavailable", detail="the delivery could not be recorded")
        if admission.status == "duplicate":
            metrics.WEBHOOKS.labels(event=event_label(event), outcome="duplicate").inc()
            log.info("duplicate delivery")
            return _answer(200, "duplicate")
        if decision.kind == "installation":
            if decision.deleted and decision.installation_id is not None:
                _forget_installation(decision.installation_id)
            metrics.WEBHOOKS.labels(event=event_label(event), outcome="installation").inc()
            log.info(
                "installation event",
                extra={"action": decision.reason, "installation_id": decision.installation_id},
            )
            return _answer(202, "accepted", action=decision.reason)
        if decision.kind == "ignored" or decision.job is None:
            metrics.WEBHOOKS.labels(event=event_label(event), outcome="ignored").inc()
            log.info("delivery ignored", extra={"reason": decision.reason})
            return _answer(202, "ignored", reason=decision.reason)
        job = decision.job
        with log_context(job_id=admission.job_id, repo=job.repo, pr=job.pr_number):
            if admission.superseded:
                metrics.JOBS.labels(outcome="superseded").inc(len(admission.superseded))
            if admission.status == "deduplicated":
                metrics.WEBHOOKS.labels(event=event_label(event), outcome="deduplicated").inc()
                log.info("same job already queued or done", extra={"key": job.key})
                return _answer(202, "queued", job_id=admission.job_id, deduplicated=True)
            metrics.WEBHOOKS.labels(event=event_label(event), outcome="queued").inc()
            log.info("job queued", extra={"trigger": job.trigger, "head_sha": job.head_sha})
            return _answer(202, "queued", job_id=admission.job_id)

    def _refuse(event: str, code: int, reason: str) -> JSONResponse:
        metrics.WEBHOOKS.labels(event=event_label(event), outcome=str(code)).inc()
        log.warning("delivery refused", extra={"status_code": code, "reason": reason})
        return _answer(code, "error", detail=reason)

    @app.get("/healthz")
    async def healthz() -> Response:
        # The receiver's own liveness: a dead or stuck worker process is the
        # supervisor's to restart, not a reason to restart the receiver.
        if workers is None:
            return _answer(200, "ok")
        return _answer(200, "ok", worker_processes=len(workers.pids()), expected=workers.count)

    @app.get("/readyz")
    async def readyz() -> Response:
        try:
            await run_in_threadpool(queue.ping)
        except Exception as exc:  # noqa: BLE001 - any failure means not ready
            store.failed(exc)
            return _answer(503, "unavailable", detail="queue or ledger not reachable")
        store.ok()
        return _answer(200, "ready")

    @app.get("/metrics")
    async def prometheus() -> Response:
        try:
            counts: dict[str, int] | None = await run_in_threadpool(queue.ledger.counts)
        except Exception:  # noqa: BLE001 - metrics must still answer
            counts = None
        body, content_type = metrics.render(counts)
        body += await run_in_threadpool(_feedback_metrics)
        return Response(body, media_type=content_type)

    feedback_stores: list[Any] = []

    def _feedback_store() -> Any:
        if not feedback_stores:
            from bot.server.feedback_store import feedback_beside

            feedback_stores.append(feedback_beside(queue.ledger))
        return feedback_stores[0]

    def _feedback_metrics() -> bytes:
        from bot.server.feedback_report import feedback_exposition

        try:
            return feedback_exposition(_feedback_store().stats())
        except Exception as exc:  # noqa: BLE001 - metrics must still answer
            log.warning("feedback counts not read", extra={"error": type(exc).__name__})
            return b""

    from bot.server.dashboard import add_dashboard

    add_dashboard(app, settings, queue, _feedback_store)
    return app
