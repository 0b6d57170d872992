"""Repeated warnings are aggregated; URL passwords are masked wherever a line goes."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from bot.server.logs import Outage, configure_logging, redact, redact_url, url_password


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = configure_logging(stream=stream)
    try:
        yield stream
    finally:
        logging.getLogger().removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_flood_of_one_warning_is_cut_to_a_burst(captured: io.StringIO) -> None:
    log = logging.getLogger("bastion.webhook")
    for n in range(1000):
        log.warning("delivery refused", extra={"status_code": 401, "n": n})
    log.info("an info line always passes")
    out = lines(captured)
    assert [line["msg"] for line in out].count("delivery refused") == 5
    assert out[-1]["msg"] == "an info line always passes"


def test_the_next_window_reports_what_was_suppressed(captured: io.StringIO) -> None:
    log = logging.getLogger("bastion.flood-test")
    record_times = iter([0.0] * 50 + [61.0])
    real_factory = logging.getLogRecordFactory()

    def factory(*args: object, **kwargs: object) -> logging.LogRecord:
        record = real_factory(*args, **kwargs)
        record.created = next(record_times)
        return record

    logging.setLogRecordFactory(factory)
    try:
        for _ in range(51):
            log.warning("same thing again")
    finally:
        logging.setLogRecordFactory(real_factory)
    out = [line for line in lines(captured) if line["msg"] == "same thing again"]
    assert len(out) == 6
    assert out[-1]["suppressed"] == 45


def test_an_outage_logs_on_change_only(captured: io.StringIO) -> None:
    outage = Outage(logging.getLogger("bastion.worker"), "queue", summary_s=3600)
    for _ in range(500):
        outage.failed(ConnectionError("Error 111 connecting to 127.0.0.1:6379"))
    for _ in range(10):
        outage.ok()
    outage.failed(ConnectionError("again"))
    assert [line["msg"] for line in lines(captured)] == [
        "queue unreachable",
        "queue reachable again",
        "queue unreachable",
    ]
    assert lines(captured)[1]["failures"] == 500


@pytest.mark.parametrize(
    ("url", "masked", "password"),
    [
        (
            "redis://bastion:s3cret-pw@redis:6379/0",
            "redis://bastion:[REDACTED]@redis:6379/0",
            "s3cret-pw",
        ),
        (
            "rediss://:tok3n@redis.example.com:6380/1",
            "rediss://:[REDACTED]@redis.example.com:6380/1",
            "tok3n",
        ),
        ("redis://redis:6379/0", "redis://redis:6379/0", None),
        ("http://example.com:8080/a@b", "http://example.com:8080/a@b", None),
    ],
)
def test_url_passwords_are_masked(url: str, masked: str, password: str | None) -> None:
    assert redact_url(url) == masked
    assert redact(f"cannot reach {url} now") == f"cannot reach {masked} now"
    assert url_password(url) == password


def test_a_logged_url_never_shows_its_password(captured: io.StringIO) -> None:
    logging.getLogger("bastion.queue").warning("queue at %s", "redis://u:pa55word-x@h:1/0")
    assert "pa55word-x" not in captured.getvalue()
    assert "redis://u:[REDACTED]@h:1/0" in captured.getvalue()
