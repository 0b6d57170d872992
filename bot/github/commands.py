"""Slash commands in PR comments: parsing (pure), who may run them, the replies.

`/review [security|indexing|api-design ...]`, `/ask QUESTION`, `/bastion help`,
`/bastion ignore RULE [reason]`, `/bastion explain` (in a finding's thread) and
`@<app-slug> review`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bot import lazyre as re
from bot.models import Category
from bot.report.markdown import sanitize

PERMISSION_TTL_S = 60.0
MAX_COMMENT_CHARS = 65_536  # GitHub's own limit on a comment body
_COMMAND_HEADS = ("/review", "/ask", "/bastion", "@")
REPLY_MARKER = "<!-- bastion:reply to={comment_id} -->"
_REPLY_RE = re.compile(r"<!-- bastion:reply to=(\d+) -->")
# The durable record of `/bastion ignore`: a marker in Bastion's own reply, which every
# later review of the PR reads back (the Action has no other memory).
IGNORE_MARKER = "<!-- bastion:ignore rule={rule} -->"
_IGNORE_RE = re.compile(r"<!-- bastion:ignore rule=([a-z0-9][a-z0-9-]{0,99}) -->")
_RULE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
MAX_REASON_CHARS = 500

CATEGORY_WORDS: dict[str, Category] = {
    "security": Category.SECURITY,
    "sec": Category.SECURITY,
    "indexing": Category.INDEXING,
    "index": Category.INDEXING,
    "indexes": Category.INDEXING,
    "db": Category.INDEXING,
    "api-design": Category.API_DESIGN,
    "api": Category.API_DESIGN,
    "apidesign": Category.API_DESIGN,
    "api_design": Category.API_DESIGN,
}
# GitHub reports maintain as write and triage as read in `permission`; `role_name`
# says which, when present.
_RANK = {"none": 0, "read": 1, "triage": 1, "write": 2, "maintain": 3, "admin": 4}

HELP_TEXT = """\
**Bastion commands** (from people with write access to this repository):

| Command | What it does |
|---|---|
| `/review` | Review the backend changes of this PR now. |
| `/review security indexing` | Only these categories (`security`, `indexing`, `api-design`). |
| `/ask QUESTION` | Ask about the backend changes of this PR. |
| `/bastion ignore RULE [reason]` | Stop reporting `RULE` on this PR (reason kept as feedback). |
| `/bastion explain` | In a finding's thread: that finding explained in more depth. |

In a finding's thread, `/bastion ignore` may leave out `RULE`: the thread's rule is meant.
| `/bastion help` | This list. |

`@{slug} review` works like `/review`."""

LLM_OFF_TEXT = (
    "The LLM is not configured for Bastion here (no API key, or `llm` is off in "
    "`.github/bastion.yml`), so `/ask` cannot be answered. `/review` still runs the rule engine."
)

CommandKind = Literal["review", "ask", "help", "ignore", "explain"]


@dataclass(frozen=True)
class Command:
    kind: CommandKind
    categories: tuple[Category, ...] = ()
    question: str = ""
    unknown: tuple[str, ...] = ()
    rule: str = ""  # `ignore`: the rule id as written (checked by the handler)
    reason: str = ""  # `ignore`: the rest of the line, and the lines after it


_FENCE = re.compile(r"^\s*(```|~~~)")


def _command_lines(body: str) -> list[tuple[int, str]]:
    """Lines that may hold a command: outside code fences and quotes."""
    out: list[tuple[int, str]] = []
    in_fence = False
    for index, line in enumerate(body.replace("\r\n", "\n").split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        stripped = line.strip()
        if in_fence or stripped.startswith(">") or not stripped:
            continue
        out.append((index, stripped))
    return out


def _review(words: list[str]) -> Command:
    categories: list[Category] = []
    unknown: list[str] = []
    for word in words:
        category = CATEGORY_WORDS.get(word.lower().strip(",."))
        if category is None:
            unknown.append(word)
        elif category not in categories:
            categories.append(category)
    return Command("review", tuple(categories), unknown=tuple(unknown))


def parse_command(body: str, app_slug: str | None = None) -> Command | None:
    """The first command in a comment, or None. Commands start a line; quoted
    text and code blocks are never commands."""
    lines = body.replace("\r\n", "\n").split("\n")
    mention = (
        re.compile(rf"^@{re.escape(app_slug)}(?:\[bot\])?\s+review\b(.*)$", re.IGNORECASE)
        if app_slug
        else None
    )
    for index, line in _command_lines(body):
        words = line.split()
        head = words[0].lower()
        if head == "/review":
            return _review(words[1:])
        if head == "/ask":
            rest = line[len(words[0]) :].strip()
            following = "\n".join(lines[index + 1 :]).strip()
            question = "\n".join(part for part in (rest, following) if part)
            return Command("ask", question=question) if question else Command("help")
        if head == "/bastion":
            sub = words[1].lower() if len(words) > 1 else "help"
            if sub == "review":
                return _review(words[2:])
            if sub in ("ignore", "explain"):
                rest = line.split(None, 2)[2] if len(words) > 2 else ""
                following = "\n".join(lines[index + 1 :]).strip()
                text = "\n".join(part for part in (rest, following) if part)
                if sub == "explain":
                    return Command("explain", question=text)
                rule, _, reason = text.partition(" ")
                first = rule.split("\n", 1)
                if len(first) > 1:  # `/bastion ignore RULE` then the reason below
                    rule, reason = first[0], f"{first[1]} {reason}".strip()
                return Command("ignore", rule=rule.strip("`"), reason=reason.strip())
            return Command("help")
        if mention is not None:
            match = mention.match(line)
            if match:
                return _review(match.group(1).split())
    return None


# Spaces and tabs only: `\s*` after `^` also crosses newlines, and on a comment of
# blank lines every line start rescanned the rest (seconds of CPU for 64 KB).
_MENTION = re.compile(r"^[ \t]*@[\w-]+(?:\[bot\])?[ \t]+review\b", re.IGNORECASE | re.MULTILINE)


def mentioned_slug(body: str) -> bool:
    """Whether the comment may address an app by mention (worth resolving the slug)."""
    return _MENTION.search(body) is not None


def command_candidate(body: str) -> bool:
    """The cheap filter run before anything costs: a body GitHub could have sent
    (at most 65,536 characters) with a line that starts like a command or a mention."""
    if len(body) > MAX_COMMENT_CHARS:
        return False
    for line in body.splitlines():
        head = line.lstrip()[:9].lower()
        if head.startswith(_COMMAND_HEADS):
            return True
    return False


def ignore_reason(
    author: str, author_type: str, body: str, bot_login: str | None = None
) -> str | None:
    """Why a comment is not for us to act on, or None. Bots (Bastion included,
    as an App) never trigger commands; as a token user, Bastion knows its own
    comments by their markers."""
    if author_type.lower() == "bot" or author.endswith("[bot]"):
        return "comment by a bot"
    if bot_login and author.lower() == bot_login.lower():
        return "comment by Bastion itself"
    if "<!-- bastion:" in body:
        return "comment by Bastion itself"
    return None


def permission_level(data: dict[str, object]) -> str:
    role = str(data.get("role_name") or "").lower()
    permission = str(data.get("permission") or "none").lower()
    return role if role in _RANK and _RANK[role] >= _RANK.get(permission, 0) else permission


def permission_allows(level: str, minimum: str = "write") -> bool:
    return _RANK.get(level.lower(), 0) >= _RANK.get(minimum, 2)


class PermissionCache:
    """Permission per (repo, user) for a short while: a burst of commands costs
    one lookup, and a revoked permission takes effect within a minute."""

    def __init__(
        self, ttl_s: float = PERMISSION_TTL_S, clock: Callable[[], float] = time.monotonic
    ):
        self._ttl = ttl_s
        self._clock = clock
        self._items: dict[tuple[str, str], tuple[float, str]] = {}
        self._lock = threading.Lock()

    def get(self, repo: str, user: str, fetch: Callable[[], str]) -> str:
        key = (repo.lower(), user.lower())
        now = self._clock()
        with self._lock:
            hit = self._items.get(key)
        if hit is not None and now - hit[0] < self._ttl:
            return hit[1]
        level = fetch()
        with self._lock:
            self._items[key] = (now, level)
        return level

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


PERMISSIONS = PermissionCache()


def reply_marker(comment_id: int) -> str:
    return REPLY_MARKER.format(comment_id=comment_id)


def replied_to(bodies: list[str]) -> set[int]:
    return {int(m) for body in bodies for m in _REPLY_RE.findall(body)}


def help_reply(comment_id: int, slug: str | None) -> str:
    text = HELP_TEXT.replace("{slug}", slug or "bastion")
    return sanitize(text) + "\n\n" + reply_marker(comment_id)


def ask_reply(comment_id: int, author: str, question: str, answer: str | None) -> str:
    quoted = "\n".join(f"> {line}" for line in question.splitlines()[:20])
    text = answer if answer is not None else LLM_OFF_TEXT
    body = sanitize(f"{quoted}\n\n{text}", allow_ours=False, limit=60_000)
    # The asker is greeted by name without a ping: the reply is a thread they follow.
    who = sanitize(f"@{author}", allow_ours=False)
    return f"{who}: {body}\n\n{reply_marker(comment_id)}"


def ignore_marker(rule: str) -> str:
    return IGNORE_MARKER.format(rule=rule) if _RULE_ID.fullmatch(rule) else ""


def ignored_in(bodies: list[str]) -> set[str]:
    """Rules ignored by `/bastion ignore` on a PR, from the markers in Bastion's replies
    (the caller passes only bodies Bastion wrote: a person's comment cannot ignore)."""
    from bot.feedback import current_rule

    # A marker written before a rule was renamed names its old id.
    return {current_rule(rule) for body in bodies for rule in _IGNORE_RE.findall(body)}


def ignore_reply(comment_id: int, author: str, rule: str, reason: str) -> str:
    who = sanitize(f"@{author}", allow_ours=False)
    text = f"{who}: rule `{rule}` is ignored on this PR: later reviews of it do not report it."
    if reason:
        quoted = sanitize(reason[:MAX_REASON_CHARS], allow_ours=False, limit=2_000)
        text += "\n\nReason, kept as feedback on the rule:\n" + "\n".join(
            f"> {line}" for line in quoted.splitlines()[:10]
        )
    return f"{text}\n\n{ignore_marker(rule)}{reply_marker(comment_id)}"


def refusal_reply(comment_id: int, author: str, text: str) -> str:
    """A command Bastion cannot carry out, with the one reason why."""
    who = sanitize(f"@{author}", allow_ours=False)
    return f"{who}: {sanitize(text, allow_ours=False, limit=4_000)}\n\n{reply_marker(comment_id)}"


def explain_reply(comment_id: int, text: str) -> str:
    return f"{sanitize(text, allow_ours=False, limit=60_000)}\n\n{reply_marker(comment_id)}"
