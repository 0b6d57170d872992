"""JSON-lines logs with the delivery, job, repo and PR of the work at hand, redacted.

The context travels in `contextvars`, so a line logged deep inside the GitHub client
still names the job it belongs to. Redaction runs twice: a filter rewrites every
record's message and traceback, and the formatter scrubs the final line, so a token
can reach neither through a format argument nor through an exception text.
"""

from __future__ import annotations

import contextvars
import json
import logging
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from bot import lazyre as re

MASK = "[REDACTED]"
CONTEXT_FIELDS = ("delivery_id", "job_id", "repo", "pr", "event")

_context: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "bastion_log_context", default=None
)
_known_secrets: set[str] = set()
_longest_first: tuple[str, ...] = ()  # so a secret inside a longer one is masked whole

# Each pattern with the lowercase literals that any match of it must contain: a line
# holding none of them cannot match, so the regex (most of a log line's cost) is skipped.
_PATTERNS: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (
        ("private key-----",),
        re.compile(
            r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", re.S
        ),
    ),
    (
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
        re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{20,})"),
    ),
    (("sk-ant-",), re.compile(r"\bsk-ant-[A-Za-z0-9_\-]{8,}")),
    (("eyj",), re.compile(r"\beyJ[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{6,}")),
    (("bearer", "token"), re.compile(r"(?i)\b(?:bearer|token)\s+[A-Za-z0-9._\-]{16,}")),
    (
        ("x-hub-signature-256: ",),
        re.compile(r"(?i)(?<=x-hub-signature-256: )sha256=[0-9a-f]{64}"),
    ),
    # The password of a URL (`redis://user:pass@host`, `redis://:pass@host`).
    (("://",), re.compile(r"(?<=://)([^\s/@:]*:)[^\s/@]+(?=@)")),
    (
        ("secret", "password", "passwd", "api", "private", "access"),
        re.compile(
            r"(?i)((?:secret|password|passwd|api[_-]?key|private[_-]?key|access[_-]?token)"
            r"[\"']?\s*[:=]\s*[\"']?)[^\s\"',;}]{4,}"
        ),
    ),
]


def may_hold_secret(lowered: str) -> bool:
    """False when no hint of any pattern above can be in this lowercased ASCII line.

    Every hint contains one of these words: most lines hold none, and a few substring
    searches are far cheaper than the regexes (or one regex alternation of them)."""
    return (
        "gh" in lowered
        or "github" in lowered
        or "sk-ant-" in lowered
        or "eyj" in lowered
        or "bearer" in lowered
        or "token" in lowered
        or "x-hub" in lowered
        or "secret" in lowered
        or "passw" in lowered
        or "api" in lowered
        or "private" in lowered
        or "access" in lowered
        or "://" in lowered
    )


def redact_url(url: str) -> str:
    """The URL with any password masked: `redis://user:pass@h/0` -> `redis://user:[REDACTED]@h/0`."""
    return _URL_PASSWORD.sub(_keep_prefix, url)


_URL_PASSWORD = re.compile(r"(?<=://)([^\s/@:]*:)[^\s/@]+(?=@)")


def url_password(url: str | None) -> str | None:
    """The password part of a URL, to register as a secret; None when it has none."""
    match = _URL_PASSWORD.search(url or "")
    return match.group(0)[len(match.group(1)) :] if match else None


def register_secret(value: str | None) -> None:
    """Mask this exact value wherever it appears (settings call this for every secret)."""
    global _longest_first
    if value and len(value) >= 6:
        _known_secrets.add(value)
        for line in value.splitlines():
            if len(line.strip()) >= 12:
                _known_secrets.add(line.strip())
        _longest_first = tuple(sorted(_known_secrets, key=len, reverse=True))


def register_secrets(values: Iterable[str | None]) -> None:
    for value in values:
        register_secret(value)


def _keep_prefix(match: re.Match[str]) -> str:
    return match.group(1) + MASK


def redact(text: str) -> str:
    for secret in _longest_first:
        if secret in text:
            text = text.replace(secret, MASK)
    # Under IGNORECASE the regex engine equates a few non-ASCII letters (İ, ı, ſ) with
    # ASCII ones that `lower()` does not map them to; such lines skip the shortcut.
    shortcut = text.isascii()
    lowered = text.lower()
    if shortcut and not may_hold_secret(lowered):
        return text
    for hints, pattern in _PATTERNS:
        if shortcut and not any(hint in lowered for hint in hints):
            continue
        masked = pattern.sub(_keep_prefix if pattern.groups else MASK, text)
        if masked != text:
            text, lowered = masked, masked.lower()
    return text


@contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    merged = dict(_context.get() or {})
    merged.update({k: v for k, v in fields.items() if v is not None})
    token = _context.set(merged)
    try:
        yield
    finally:
        _context.reset(token)


def current_context() -> dict[str, Any]:
    return dict(_context.get() or {})


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the line
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.exc_info = None
        return True


_encode = json.JSONEncoder(default=str, ensure_ascii=False).encode


class JsonFormatter(logging.Formatter):
    _skip = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
    _second: tuple[int, str] = (-1, "")  # the last second formatted, reused within it

    def _timestamp(self, created: float, msecs: float) -> str:
        second = int(created)
        if self._second[0] != second:
            self._second = (second, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second)))
        return f"{self._second[1]}.{int(msecs):03d}Z"

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": self._timestamp(record.created, record.msecs),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        line.update(_context.get() or {})
        for key, value in vars(record).items():
            if key not in self._skip and not key.startswith("_"):
                line[key] = value
        if record.exc_text:
            line["exc"] = record.exc_text
        elif record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return redact(_encode(line))


def configure_logging(level: int = logging.INFO, stream: IO[str] | None = None) -> logging.Handler:
    """Send every logger (ours, uvicorn's, huey's) to one JSON-lines handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RepeatFilter())
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h.formatter, JsonFormatter)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # What a line would cost to learn and the JSON never shows (it skips the standard
    # record fields): the caller's frame, thread, process. The logging HOWTO's
    # "Optimization" section names these switches.
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "huey"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
    logging.getLogger("huey").setLevel(logging.WARNING)
    return handler


class RepeatFilter(logging.Filter):
    """Let through the first `burst` identical warnings of a `window`, count the rest.

    Identical means same logger and message template, whatever the context: a flood of
    refused deliveries is a few lines a window plus, on the next line that passes, a
    `suppressed` count, not thousands of lines. Errors are never held back: each names
    a job, and the ledger keeps the same error anyway.
    """

    def __init__(self, window_s: float = 60.0, burst: int = 5) -> None:
        super().__init__()
        self.window_s = window_s
        self.burst = burst
        self._seen: dict[tuple[str, int, str], list[float]] = {}  # key -> [start, count, dropped]

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.WARNING:  # errors (a dead job, ...) always pass
            return True
        key = (record.name, record.levelno, str(record.msg))
        now = record.created
        state = self._seen.get(key)
        if state is None or now - state[0] >= self.window_s:
            dropped = int(state[2]) if state is not None else 0
            self._seen[key] = [now, 1, 0]
            if dropped:
                record.suppressed = dropped
                record.suppressed_window_s = self.window_s
            if len(self._seen) > 1024:  # keys are message templates; a bound all the same
                self._seen = {k: v for k, v in self._seen.items() if now - v[0] < self.window_s}
            return True
        state[1] += 1
        if state[1] <= self.burst:
            return True
        state[2] += 1
        return False


class Outage:
    """One line when a dependency goes down, one summary a period while it stays down,
    one line when it is back: instead of a traceback per failed call.

    Thread-safe: every worker thread reports into the same instance.
    """

    def __init__(self, logger: logging.Logger, what: str, summary_s: float = 60.0) -> None:
        self.logger = logger
        self.what = what
        self.summary_s = summary_s
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._failures = 0
        self._last_summary = 0.0

    @property
    def down(self) -> bool:
        return self._down_since is not None

    def failed(self, exc: BaseException) -> None:
        now = time.monotonic()
        error = f"{type(exc).__name__}: {exc}"
        with self._lock:
            self._failures += 1
            if self._down_since is None:
                self._down_since = self._last_summary = now
                self.logger.warning(f"{self.what} unreachable", extra={"error": error})
            elif now - self._last_summary >= self.summary_s:
                self._last_summary = now
                self.logger.warning(
                    f"{self.what} still unreachable",
                    extra={
                        "error": error,
                        "down_s": round(now - self._down_since, 1),
                        "failures": self._failures,
                    },
                )

    def ok(self) -> None:
        if self._down_since is None:  # the common path: no lock taken
            return
        with self._lock:
            if self._down_since is None:
                return
            self.logger.warning(
                f"{self.what} reachable again",
                extra={
                    "down_s": round(time.monotonic() - self._down_since, 1),
                    "failures": self._failures,
                },
            )
            self._down_since = None
            self._failures = 0
