"""Pure webhook logic: the signature check, and which deliveries become review jobs.

Nothing here touches the network, the queue or the config. Drafts are queued like any
PR: whether to review a draft is the repo config's call (`auto_review.drafts`, read from
the base branch), and only the worker reads the config.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from bot.jobs import CommentCommand, ReviewJob

PR_ACTIONS = frozenset({"opened", "reopened", "synchronize", "ready_for_review"})
INSTALLATION_EVENTS = frozenset({"installation", "installation_repositories"})
_COMMAND = re.compile(r"^\s*/(?:review|ask|bastion)\b", re.I)


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify_signature(secret: str, body: bytes, header: str | None) -> bool:
    """`X-Hub-Signature-256` against the raw body, compared in constant time."""
    if not secret or not header:
        return False
    return hmac.compare_digest(sign(secret, body).encode(), header.strip().encode())


@dataclass(frozen=True)
class Decision:
    kind: Literal["job", "ping", "ignored", "installation", "invalid"]
    reason: str = ""
    job: ReviewJob | None = None
    installation_id: int | None = None
    deleted: bool = False


def looks_like_command(body: str, app_slug: str) -> bool:
    """`/review`, `/ask`, `/bastion` at the start of a line, or `@<slug> review`."""
    mention = re.compile(rf"(?i)(?:^|\s)@{re.escape(app_slug)}(?:\[bot\])?\s+review\b")
    return any(_COMMAND.match(line) for line in body.splitlines()) or bool(mention.search(body))


def _installation_id(payload: dict[str, Any]) -> int | None:
    inst = payload.get("installation")
    if isinstance(inst, dict) and isinstance(inst.get("id"), int):
        return int(inst["id"])
    return None


def _dig(payload: Any, *path: str) -> Any:
    for part in path:
        if not isinstance(payload, dict):
            return None
        payload = payload.get(part)
    return payload


def _pull_request(payload: dict[str, Any], delivery_id: str, action: str) -> Decision:
    pr = payload.get("pull_request")
    if not isinstance(pr, dict):
        return Decision("invalid", "pull_request event without a pull_request object")
    if pr.get("state") == "closed":
        return Decision("ignored", "the pull request is closed")
    try:
        job = ReviewJob(
            delivery_id=delivery_id,
            repo=str(_dig(payload, "repository", "full_name") or ""),
            pr_number=pr.get("number") or payload.get("number") or 0,
            head_sha=_dig(pr, "head", "sha"),
            trigger=action,  # checked against PR_ACTIONS by the caller
            installation_id=_installation_id(payload),
        )
    except ValidationError as exc:
        return Decision("invalid", f"pull_request payload: {_first_error(exc)}")
    if not job.head_sha:
        return Decision("invalid", "pull_request payload has no head.sha")
    return Decision("job", job=job)


def _issue_comment(
    payload: dict[str, Any], delivery_id: str, action: str, app_slug: str
) -> Decision:
    if action != "created":
        return Decision("ignored", f"issue_comment {action} does not trigger")
    issue = payload.get("issue")
    comment = payload.get("comment")
    if not isinstance(issue, dict) or not isinstance(comment, dict):
        return Decision("invalid", "issue_comment event without issue or comment")
    if not issue.get("pull_request"):
        return Decision("ignored", "comment on an issue, not a pull request")
    body = comment.get("body") or ""
    if not isinstance(body, str) or not looks_like_command(body, app_slug):
        return Decision("ignored", "comment holds no command")
    if issue.get("state") == "closed":
        return Decision("ignored", "the pull request is closed")
    user = comment.get("user")
    author: dict[str, Any] = user if isinstance(user, dict) else {}
    try:
        job = ReviewJob(
            delivery_id=delivery_id,
            repo=str(_dig(payload, "repository", "full_name") or ""),
            pr_number=issue.get("number") or 0,
            head_sha=None,
            trigger="command",
            installation_id=_installation_id(payload),
            comment=CommentCommand(
                comment_id=comment.get("id") or 0,
                body=body,
                author=str(author.get("login") or ""),
                author_type=str(author.get("type") or "User"),
            ),
        )
    except ValidationError as exc:
        return Decision("invalid", f"issue_comment payload: {_first_error(exc)}")
    return Decision("job", job=job)


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "payload"
    return f"{where}: {err['msg']}"


def route(
    event: str, payload: dict[str, Any], delivery_id: str, app_slug: str = "bastion"
) -> Decision:
    """What to do with one verified delivery. Never raises on odd payloads."""
    if event == "ping":
        return Decision("ping")
    action = payload.get("action")
    action = action if isinstance(action, str) else ""
    if event in INSTALLATION_EVENTS:
        return Decision(
            "installation",
            f"{event}.{action}",
            installation_id=_installation_id(payload),
            deleted=event == "installation" and action == "deleted",
        )
    if _dig(payload, "sender", "type") == "Bot":
        return Decision("ignored", "sent by a bot")
    if event == "pull_request":
        if action not in PR_ACTIONS:
            return Decision("ignored", f"pull_request {action or '(no action)'} is not reviewed")
        return _pull_request(payload, delivery_id, action)
    if event == "issue_comment":
        return _issue_comment(payload, delivery_id, action, app_slug)
    return Decision("ignored", f"event {event} is not handled")
