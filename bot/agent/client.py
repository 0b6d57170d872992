"""Calls to the Anthropic Messages API, and their failures in words a summary can show.

The SDK is imported here, inside functions, so that importing `bot.agent` (and
reviewing without a key) never loads it. Retries of 408/409/429/5xx/529 and
their backoff (honouring `retry-after`) are the SDK's own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from bot.agent.schema import TOOL_NAME

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic

T = TypeVar("T")
USAGE_KEYS = (
    "input_tokens",
    "output_tokens",
    "cache_read_input_tokens",
    "cache_creation_input_tokens",
)
CONNECT_TIMEOUT_S = 10.0


class LlmError(Exception):
    """A request that failed for good. `final`: no later request can succeed (bad key)."""

    def __init__(self, reason: str, *, final: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.final = final


@dataclass
class Reply:
    tool_input: object | None
    text: str
    stop_reason: str | None
    usage: dict[str, int] = field(default_factory=dict)


def make_client(
    *, api_key: str | None, base_url: str | None, timeout_s: float, max_retries: int
) -> AsyncAnthropic:
    import anthropic

    return anthropic.AsyncAnthropic(
        api_key=api_key,
        base_url=base_url,
        timeout=anthropic.Timeout(timeout_s, connect=min(CONNECT_TIMEOUT_S, timeout_s)),
        max_retries=max_retries,
    )


def _usage_of(message: Any) -> dict[str, int]:
    usage = getattr(message, "usage", None)
    return {key: int(getattr(usage, key, 0) or 0) for key in USAGE_KEYS}


def _reply_of(message: Any) -> Reply:
    tool_input: object | None = None
    texts: list[str] = []
    for block in getattr(message, "content", None) or []:
        kind = getattr(block, "type", None)
        if kind == "tool_use" and getattr(block, "name", None) == TOOL_NAME and tool_input is None:
            tool_input = getattr(block, "input", None)
        elif kind == "text":
            texts.append(str(getattr(block, "text", "")))
    return Reply(
        tool_input, "".join(texts), getattr(message, "stop_reason", None), _usage_of(message)
    )


def _error_type(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, Mapping):
        inner = body.get("error")
        if isinstance(inner, Mapping) and isinstance(inner.get("type"), str):
            return str(inner["type"])
    return "error"


def explain(exc: BaseException, timeout_s: float, retries: int) -> LlmError:
    """Our own sentence for an SDK error: never the raw message, which may echo input."""
    import anthropic

    after = f" after {retries} retr{'y' if retries == 1 else 'ies'}" if retries else ""
    if isinstance(exc, anthropic.AuthenticationError):
        return LlmError("the Anthropic API rejected the API key (401)", final=True)
    if isinstance(exc, anthropic.PermissionDeniedError):
        return LlmError("the API key may not use this model (403)", final=True)
    if isinstance(exc, anthropic.NotFoundError):
        return LlmError("the model or endpoint was not found (404)", final=True)
    if isinstance(exc, anthropic.APITimeoutError):
        return LlmError(f"the Anthropic API did not answer within {timeout_s:g} s{after}")
    if isinstance(exc, anthropic.APIConnectionError):
        return LlmError(f"could not reach the Anthropic API{after}")
    if isinstance(exc, anthropic.RateLimitError):
        return LlmError(f"rate limited by the Anthropic API (429){after}")
    if isinstance(exc, anthropic.APIStatusError):
        status = exc.status_code
        if status == 529 or _error_type(exc) == "overloaded_error":
            return LlmError(f"the Anthropic API is overloaded (529){after}")
        if status >= 500:
            return LlmError(f"the Anthropic API failed ({status} {_error_type(exc)}){after}")
        final = status in (400, 413)
        return LlmError(
            f"the Anthropic API refused the request ({status} {_error_type(exc)})", final=final
        )
    if isinstance(exc, asyncio.TimeoutError):
        return LlmError(f"the request took longer than its overall limit{after}")
    return LlmError(f"unexpected error calling the Anthropic API ({type(exc).__name__})")


async def send(
    client: AsyncAnthropic, body: Mapping[str, Any], *, timeout_s: float, retries: int
) -> Reply:
    """One request; raises `LlmError` with a reason a user can act on."""
    import anthropic

    # A hard stop above the SDK's per-attempt timeout: a server that trickles bytes
    # must not hold a review forever.
    ceiling = timeout_s * (retries + 1) + 30.0
    try:
        message = await asyncio.wait_for(client.messages.create(**body), ceiling)
    except (TimeoutError, anthropic.AnthropicError) as exc:
        raise explain(exc, timeout_s, retries) from None
    return _reply_of(message)


def run_sync(make: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine to completion from synchronous code: on this thread when no
    event loop is running here, else on a private thread with its own loop."""

    async def main() -> T:
        return await make()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(main())
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()
