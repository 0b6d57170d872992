"""A fake Anthropic Messages API on 127.0.0.1, for the real SDK via ANTHROPIC_BASE_URL.

Answers come from a script (a queue of steps, then a default step); every request
is recorded with its headers and exact body. Token usage is estimated from the
request text (3.5 characters per token), and prompt caching is simulated the way
the API documents it: the tools and system blocks up to the last `cache_control`
marker form the prefix; a prefix under 1,024 tokens is silently not cached; the
same prefix bytes again are a cache read.
"""

from __future__ import annotations

import asyncio
import difflib
import hashlib
import html
import json
import math
import re
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from loopback import LoopbackServer

CHARS_PER_TOKEN = 3.5
MIN_CACHEABLE_TOKENS = 1024


def tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


@dataclass
class Recorded:
    headers: dict[str, str]
    body: dict[str, Any]
    raw: bytes

    def user_text(self) -> str:
        return "".join(
            m["content"] if isinstance(m["content"], str) else json.dumps(m["content"])
            for m in self.body.get("messages", [])
        )

    def prefix(self) -> str:
        """Tools and system up to the last cache marker, as bytes the cache would key on."""
        return cached_prefix(self.body)[0]


def cached_prefix(body: dict[str, Any]) -> tuple[str, bool]:
    parts: list[str] = []
    marked_at = -1
    for tool in body.get("tools", []):
        parts.append(json.dumps(tool, sort_keys=True))
        if "cache_control" in tool:
            marked_at = len(parts)
    system = body.get("system", [])
    blocks = [{"type": "text", "text": system}] if isinstance(system, str) else system
    for block in blocks:
        parts.append(json.dumps(block, sort_keys=True))
        if "cache_control" in block:
            marked_at = len(parts)
    if marked_at < 0:
        return "", False
    return "".join(parts[:marked_at]), True


# ---------------------------------------------------------------- scripted steps


@dataclass
class ToolCall:
    """Answer with a `report_findings` call; `make` builds the input from the request."""

    make: Callable[[dict[str, Any]], dict[str, Any]] | dict[str, Any]
    output_tokens: int = 120


@dataclass
class Text:
    text: str


@dataclass
class Error:
    status: int
    type: str
    message: str = "scripted error"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Slow:
    seconds: float
    then: Step


Step = ToolCall | Text | Error | Slow


def empty_report(_: dict[str, Any]) -> dict[str, Any]:
    return {"findings": [], "dismissed_hints": []}


class FakeAnthropic:
    def __init__(self) -> None:
        self.script: deque[Step] = deque()
        self.default: Step = ToolCall(empty_report)
        self.requests: list[Recorded] = []
        # The usage of every successful reply, in the order the replies went out.
        self.usages: list[dict[str, int]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        # Requests of an earlier test (a slow reply still sleeping) do not count.
        self._generation = 0
        self._cache: set[str] = set()
        self._lock = threading.Lock()
        self._loopback: LoopbackServer | None = None
        self.port = 0
        self.min_cacheable_tokens = MIN_CACHEABLE_TOKENS
        self.app = self._build_app()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def push(self, *steps: Step) -> None:
        self.script.extend(steps)

    def reset(self) -> None:
        self.script.clear()
        self.requests.clear()
        self.usages.clear()
        self._cache.clear()
        self.default = ToolCall(empty_report)
        self.min_cacheable_tokens = MIN_CACHEABLE_TOKENS
        with self._lock:
            self._generation += 1
            self.in_flight = self.max_in_flight = 0

    # -------------------------------------------------------------- serving

    def start(self) -> FakeAnthropic:
        self._loopback = LoopbackServer(self.app, "fake Anthropic API")
        self._loopback.start()
        self.port = self._loopback.port
        return self

    def stop(self) -> None:
        if self._loopback is not None:
            self._loopback.stop()

    # -------------------------------------------------------------- the API

    def _next_step(self) -> Step:
        with self._lock:
            return self.script.popleft() if self.script else self.default

    def _build_app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/messages")
        async def messages(request: Request) -> JSONResponse:
            raw = await request.body()
            body = json.loads(raw)
            with self._lock:
                self.requests.append(Recorded(dict(request.headers), body, raw))
                generation = self._generation
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                return await self._answer(self._next_step(), body, generation)
            finally:
                with self._lock:
                    if generation == self._generation:
                        self.in_flight -= 1

        return app

    async def _answer(self, step: Step, body: dict[str, Any], generation: int) -> JSONResponse:
        if isinstance(step, Slow):
            await asyncio.sleep(step.seconds)
            return await self._answer(step.then, body, generation)
        if isinstance(step, Error):
            payload = {"type": "error", "error": {"type": step.type, "message": step.message}}
            return JSONResponse(payload, status_code=step.status, headers=step.headers)
        with self._lock:
            stale = generation != self._generation
        # A slow reply of an earlier test that wakes now must not write this test's cache.
        usage = self._usage(body, record=not stale)
        if not stale:
            with self._lock:
                self.usages.append(usage)
        if isinstance(step, Text):
            content: list[dict[str, Any]] = [{"type": "text", "text": step.text}]
            stop = "end_turn"
            usage["output_tokens"] = tokens(step.text)
        else:
            made = step.make(body) if callable(step.make) else step.make
            content = [
                {"type": "tool_use", "id": "toolu_fake", "name": "report_findings", "input": made}
            ]
            stop = "tool_use"
            usage["output_tokens"] = step.output_tokens
        message = {
            "id": "msg_fake",
            "type": "message",
            "role": "assistant",
            "model": body.get("model", "claude-fake"),
            "content": content,
            "stop_reason": stop,
            "stop_sequence": None,
            "usage": usage,
        }
        return JSONResponse(message)

    def _usage(self, body: dict[str, Any], record: bool = True) -> dict[str, int]:
        tools = "".join(json.dumps(t, sort_keys=True) for t in body.get("tools", []))
        system = body.get("system", [])
        system_text = system if isinstance(system, str) else json.dumps(system, sort_keys=True)
        total = tokens(tools) + tokens(system_text) + tokens(Recorded({}, body, b"").user_text())
        prefix, marked = cached_prefix(body)
        prefix_tokens = tokens(prefix)
        usage = {"input_tokens": total, "cache_read_input_tokens": 0}
        usage["cache_creation_input_tokens"] = 0
        if marked and prefix_tokens >= self.min_cacheable_tokens:
            key = hashlib.sha256(prefix.encode()).hexdigest()
            with self._lock:
                hit = key in self._cache
                if record:
                    self._cache.add(key)
            field_name = "cache_read_input_tokens" if hit else "cache_creation_input_tokens"
            usage[field_name] = prefix_tokens
            usage["input_tokens"] = max(total - prefix_tokens, 0)
        return usage


def running_fake() -> Iterator[FakeAnthropic]:
    """For a pytest fixture: `yield from running_fake()`."""
    fake = FakeAnthropic().start()
    try:
        yield fake
    finally:
        fake.stop()


# ---------------------------------------------------------------- reading requests back

_FILE_TAG = re.compile(r'^<file path="([^"]*)"')
_NUMBERED = re.compile(r"^(\d+)([+ ])\|(.*)$")
_NONCE = re.compile(r"^<pr_data_([0-9a-f]+)>$", re.MULTILINE)


@dataclass
class SeenLine:
    path: str
    number: int
    mark: str
    text: str


def data_block(body: dict[str, Any]) -> tuple[str, str, str]:
    """(text before the data block, the block's inside, text after it) of a review request."""
    text = Recorded({}, body, b"").user_text()
    match = _NONCE.search(text)
    if match is None:
        return text, "", ""
    closing = f"</pr_data_{match.group(1)}>"
    end = text.rindex(closing)
    return text[: match.start()], text[match.end() : end], text[end + len(closing) :]


def numbered_lines(body: dict[str, Any]) -> list[SeenLine]:
    """Every numbered diff line a request shows, with the file it belongs to."""
    _, inside, _ = data_block(body)
    path = ""
    seen: list[SeenLine] = []
    for line in inside.split("\n"):
        tag = _FILE_TAG.match(line)
        if tag:
            path = html.unescape(tag.group(1))
            continue
        match = _NUMBERED.match(line)
        if match and path:
            seen.append(SeenLine(path, int(match.group(1)), match.group(2), match.group(3)))
    return seen


def finding_on(
    seen: SeenLine, *, category: str = "security", severity: str = "high", **extra: Any
) -> dict[str, Any]:
    """A well-formed finding on a line the request showed."""
    return {
        "path": seen.path,
        "line": seen.number,
        "category": category,
        "severity": severity,
        "title": "SQL built from request data",
        "body": "The query interpolates request input; use a bound parameter instead.",
        "confidence": 0.9,
        "quote": seen.text,
        **extra,
    }


# ---------------------------------------------------------------- building diffs


def file_diff(path: str, old: str | None, new: str | None) -> str:
    """A git-style diff of one file (None: absent on that side)."""
    old_lines = (old or "").splitlines(keepends=True)
    new_lines = (new or "").splitlines(keepends=True)
    header = f"diff --git a/{path} b/{path}\n"
    if old is None:
        header += "new file mode 100644\n"
    elif new is None:
        header += "deleted file mode 100644\n"
    source = "/dev/null" if old is None else f"a/{path}"
    target = "/dev/null" if new is None else f"b/{path}"
    body = "".join(difflib.unified_diff(old_lines, new_lines, source, target, n=3))
    return header + body


def pr_diff(files: dict[str, tuple[str | None, str | None]]) -> str:
    return "".join(file_diff(path, old, new) for path, (old, new) in files.items())
