"""Pure webhook logic: the signature check, and which deliveries become review jobs.

Nothing here touches the network, the queue or the config. Drafts are queued like any
PR: whether to review a draft is the repo config's call (`auto_review.drafts`, read from
the base branch), and only the worker reads the config.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from bot import lazyre as re
from bot.jobs import CommentCommand, ReviewJob

PR_ACTIONS = frozenset({"opened", "reopened", "synchronize", "ready_for_review"})
# A closed PR is not reviewed; its threads' last reactions and replies are read once.
FEEDBACK_ACTIONS = frozenset({"closed"})
INSTALLATION_EVENTS = frozenset({"installation", "installation_repositories"})
HANDLED_EVENTS = INSTALLATION_EVENTS | {
    "ping",
    "pull_request",
    "issue_comment",
    "pull_request_review_comment",
}
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


# Limits on what reaches the ledger. GitHub's numbers fit them with room to spare;
# past them a value is not GitHub's (and SQLite stores integers in 64 bits only).
MAX_PR_NUMBER = 2**31 - 1
MAX_ID = 2**53 - 1  # installation and comment ids: past 2^31 already, exact in JSON
MAX_DELIVERY_ID = 200
MAX_LOGIN = 100
MAX_COMMENT_CHARS = 65_536  # GitHub refuses a longer comment body
# owner/name as GitHub allows them: an owner of letters, digits, `-` (and `_` for managed
# users); a repository name of letters, digits, `.`, `-`, `_`, never `.` or `..` alone.
_REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,38}/(?!\.\.?$)[A-Za-z0-9._-]{1,100}")
_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
# A login as GitHub makes them (letters, digits, `-`; `_` for managed users; `[bot]` for
# Apps). It goes into API paths (`collaborators/{login}/permission`) and into replies.
_LOGIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}(?:\[bot\])?")
_ACCOUNT_TYPE = re.compile(r"[A-Za-z]{1,40}")
# How much of an unhandled event or action name is echoed in an answer or a log line.
SHOWN = 60


class Invalid(ValueError):
    """One field of a delivery that cannot be stored; the message names it."""


def _integer(value: Any, where: str, maximum: int) -> int:
    # bool is an int in Python and "7" parses as one in pydantic: neither is a number here.
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"{where}: expected an integer, got {type(value).__name__}")
    if not 1 <= value <= maximum:
        raise Invalid(f"{where}: {value} is out of range (1 to {maximum})")
    return value


def _installation_id(payload: dict[str, Any]) -> int | None:
    inst = payload.get("installation")
    if inst is None:
        return None
    if not isinstance(inst, dict):
        raise Invalid("installation: expected an object")
    return _integer(inst.get("id"), "installation.id", MAX_ID)


def _repo(payload: dict[str, Any]) -> str:
    name = _dig(payload, "repository", "full_name")
    if not isinstance(name, str) or not _REPO.fullmatch(name):
        raise Invalid("repository.full_name: not an owner/name GitHub allows")
    return name


def _sha(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _SHA.fullmatch(value):
        raise Invalid(f"{where}: expected a 40 or 64 character hex commit SHA")
    return value


def _login(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_LOGIN:
        raise Invalid(f"{where}: expected a login")
    if not _LOGIN.fullmatch(value):
        raise Invalid(f"{where}: not a login GitHub allows")
    return value


def _account_type(value: Any, where: str) -> str:
    """`User`, `Bot`, `Organization`...: a missing type is a user's."""
    if value is None:
        return "User"
    if not isinstance(value, str) or not _ACCOUNT_TYPE.fullmatch(value):
        raise Invalid(f"{where}: expected an account type such as User or Bot")
    return value


def _text(value: str, where: str) -> str:
    """Text that can be stored and posted: a lone surrogate (`\\ud800` in the JSON, or
    its bytes) parses into a Python string that no UTF-8 encoder takes; and no longer
    than GitHub lets a comment be."""
    if len(value) > MAX_COMMENT_CHARS:
        raise Invalid(f"{where}: longer than a GitHub comment can be ({MAX_COMMENT_CHARS:,})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise Invalid(f"{where}: not valid Unicode (a lone surrogate at {exc.start})") from None
    return value


def shown(name: str) -> str:
    """An unhandled event or action name as echoed back: short and printable."""
    cut = name if len(name) <= SHOWN else name[: SHOWN - 1] + "…"
    return cut if cut.isprintable() else repr(cut)


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
    if pr.get("state") == "closed" and action not in FEEDBACK_ACTIONS:
        return Decision("ignored", "the pull request is closed")
    try:
        number = pr.get("number", payload.get("number"))
        job = ReviewJob(
            delivery_id=delivery_id,
            repo=_repo(payload),
            pr_number=_integer(number, "pull_request.number", MAX_PR_NUMBER),
            head_sha=_sha(_dig(pr, "head", "sha"), "pull_request.head.sha"),
            trigger=action,  # checked against PR_ACTIONS by the caller
            installation_id=_installation_id(payload),
        )
    except Invalid as exc:
        return Decision("invalid", f"pull_request payload: {exc}")
    except ValidationError as exc:
        return Decision("invalid", f"pull_request payload: {_first_error(exc)}")
    return Decision("job", job=job)


def _issue_comment(
    payload: dict[str, Any], delivery_id: str, action: str, app_slug: str
) -> Decision:
    if action != "created":
        return Decision("ignored", f"issue_comment {shown(action)} does not trigger")
    if _dig(payload, "sender", "type") == "Bot":
        return Decision("ignored", "sent by a bot")
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
            repo=_repo(payload),
            pr_number=_integer(issue.get("number"), "issue.number", MAX_PR_NUMBER),
            head_sha=None,
            trigger="command",
            installation_id=_installation_id(payload),
            comment=CommentCommand(
                comment_id=_integer(comment.get("id"), "comment.id", MAX_ID),
                body=_text(body, "comment.body"),
                author=_login(author.get("login"), "comment.user.login"),
                author_type=_account_type(author.get("type"), "comment.user.type"),
            ),
        )
    except Invalid as exc:
        return Decision("invalid", f"issue_comment payload: {exc}")
    except ValidationError as exc:
        return Decision("invalid", f"issue_comment payload: {_first_error(exc)}")
    return Decision("job", job=job)


def _review_comment(
    payload: dict[str, Any], delivery_id: str, action: str, app_slug: str
) -> Decision:
    """A command written in a review thread (`/bastion explain`, `/bastion ignore`...):
    answered in that thread, under its first comment."""
    if action != "created":
        return Decision("ignored", f"pull_request_review_comment {shown(action)} does not trigger")
    if _dig(payload, "sender", "type") == "Bot":
        return Decision("ignored", "sent by a bot")
    pr = payload.get("pull_request")
    comment = payload.get("comment")
    if not isinstance(pr, dict) or not isinstance(comment, dict):
        return Decision(
            "invalid", "pull_request_review_comment event without pull_request or comment"
        )
    body = comment.get("body") or ""
    if not isinstance(body, str) or not looks_like_command(body, app_slug):
        return Decision("ignored", "comment holds no command")
    if pr.get("state") == "closed":
        return Decision("ignored", "the pull request is closed")
    user = comment.get("user")
    author: dict[str, Any] = user if isinstance(user, dict) else {}
    try:
        comment_id = _integer(comment.get("id"), "comment.id", MAX_ID)
        parent = comment.get("in_reply_to_id")
        root = comment_id if parent is None else _integer(parent, "comment.in_reply_to_id", MAX_ID)
        job = ReviewJob(
            delivery_id=delivery_id,
            repo=_repo(payload),
            pr_number=_integer(pr.get("number"), "pull_request.number", MAX_PR_NUMBER),
            head_sha=None,
            trigger="command",
            installation_id=_installation_id(payload),
            comment=CommentCommand(
                comment_id=comment_id,
                body=_text(body, "comment.body"),
                author=_login(author.get("login"), "comment.user.login"),
                author_type=_account_type(author.get("type"), "comment.user.type"),
                review_thread=root,
            ),
        )
    except Invalid as exc:
        return Decision("invalid", f"pull_request_review_comment payload: {exc}")
    except ValidationError as exc:
        return Decision("invalid", f"pull_request_review_comment payload: {_first_error(exc)}")
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
    if not delivery_id or len(delivery_id) > MAX_DELIVERY_ID or not delivery_id.isprintable():
        return Decision("invalid", "X-GitHub-Delivery: not a delivery id")
    if event in INSTALLATION_EVENTS:
        try:
            installation = _installation_id(payload)
        except Invalid as exc:
            return Decision("invalid", f"{event} payload: {exc}")
        return Decision(
            "installation",
            f"{event}.{shown(action)}",
            installation_id=installation,
            deleted=event == "installation" and action == "deleted",
        )
    # A PR event sent by a bot (Dependabot, Renovate) is queued: whether to review PRs
    # by bots is the base branch's `auto_review.bots`, read by the worker.
    if event == "pull_request":
        if action not in PR_ACTIONS | FEEDBACK_ACTIONS:
            what = shown(action) if action else "(no action)"
            return Decision("ignored", f"pull_request {what} is not reviewed")
        return _pull_request(payload, delivery_id, action)
    if event == "issue_comment":
        return _issue_comment(payload, delivery_id, action, app_slug)
    if event == "pull_request_review_comment":
        return _review_comment(payload, delivery_id, action, app_slug)
    return Decision("ignored", f"event {shown(event)} is not handled")
