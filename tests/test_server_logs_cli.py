"""JSON-lines logs with context and no secrets; `bastion serve` refusing to start."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bot.jobs import ReviewJob
from bot.server.app import create_app
from bot.server.logs import (
    _PATTERNS,
    configure_logging,
    log_context,
    may_hold_secret,
    redact,
    register_secrets,
)
from bot.server.queue import JobQueue
from bot.server.webhook import sign
from bot.server.worker import Worker, WorkerOptions
from bot.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "webhooks"
TOKEN = "ghs_" + "Q" * 36
WEBHOOK_SECRET = "whsec-" + uuid.uuid4().hex
ANTHROPIC = "sk-ant-api03-" + "x" * 40
_KEY_LINE = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo"  # not a real key: a shape to catch
PEM = f"-----BEGIN RSA {'PRIVATE'} KEY-----\n{_KEY_LINE}\n-----END RSA {'PRIVATE'} KEY-----"
SECRETS = (TOKEN, WEBHOOK_SECRET, ANTHROPIC, _KEY_LINE)


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = configure_logging(logging.DEBUG, stream)
    register_secrets([TOKEN, WEBHOOK_SECRET, ANTHROPIC, PEM])
    yield stream
    logging.getLogger().removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text
    assert "PRIVATE KEY-----\nMII" not in text


def test_lines_are_json_with_context(captured: io.StringIO) -> None:
    log = logging.getLogger("bastion.test")
    with log_context(delivery_id="d-42", job_id="j-1", repo="acme/api", pr=7):
        log.info("job started", extra={"attempt": 1})
    line = lines(captured)[-1]
    assert line["msg"] == "job started"
    assert (line["delivery_id"], line["job_id"], line["repo"], line["pr"]) == (
        "d-42",
        "j-1",
        "acme/api",
        7,
    )
    assert line["attempt"] == 1 and line["level"] == "info"


def test_no_secret_reaches_a_log_line(captured: io.StringIO) -> None:
    log = logging.getLogger("bastion.test")
    log.info("token is %s", TOKEN)
    log.warning("calling with Authorization: Bearer %s", TOKEN)
    log.info("secret=%s and key %s", WEBHOOK_SECRET, ANTHROPIC, extra={"header": f"token {TOKEN}"})
    log.info("key file:\n%s", PEM)
    log.info("a pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz in text")
    log.info("jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjMifQ.c2lnbmF0dXJlLXZhbHVl sent")
    try:
        raise RuntimeError(f"GitHub said no to {TOKEN} with {ANTHROPIC}")
    except RuntimeError:
        log.exception("request failed")
    text = captured.getvalue()
    assert_clean(text)
    assert "github_pat_11ABCDEFG" not in text
    assert "eyJpc3MiOiIxMjMifQ" not in text
    assert text.count("[REDACTED]") >= 8
    assert "request failed" in text and "RuntimeError" in text


def test_redact_leaves_ordinary_text_alone() -> None:
    text = "token cache dropped for installation 12; reviewed 3 files at 9f2c1ab"
    assert redact(text) == text


@pytest.mark.parametrize("hint", [hint for hints, _ in _PATTERNS for hint in hints])
def test_the_gate_lets_every_pattern_hint_through(hint: str) -> None:
    assert may_hold_secret(f"a line with {hint} inside")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("ghp_" + "A" * 36, "A" * 36),
        ("github_pat_11ABCDEFG0123456789_abc", "11ABCDEFG0123456789"),
        ("Authorization: BEARER abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz"),
        ("X-Hub-Signature-256: sha256=" + "ab" * 32, "ab" * 32),
        ('{"Api-Key": "k3y-value"}', "k3y-value"),
        ("ACCESS_TOKEN=abcd1234", "abcd1234"),
        # the regex engine takes these for ASCII letters under IGNORECASE
        ("ſecret: hunter22", "hunter22"),
        ("İNFO passwd=hunter22", "hunter22"),
    ],
)
def test_every_pattern_still_masks_behind_the_cheap_gate(text: str, secret: str) -> None:
    masked = redact(f"start {text} end")
    assert secret not in masked and "[REDACTED]" in masked
    assert masked.startswith("start ") and masked.endswith(" end")


def test_webhooks_and_job_errors_log_no_secret(captured: io.StringIO, tmp_path: Path) -> None:
    settings = Settings(
        GITHUB_WEBHOOK_SECRET=WEBHOOK_SECRET,
        GITHUB_TOKEN=TOKEN,
        ANTHROPIC_API_KEY=ANTHROPIC,
    )
    queue = JobQueue(None, tmp_path)
    body = (FIXTURES / "pull_request.opened.payload.json").read_bytes()
    headers = {"X-GitHub-Event": "pull_request", "X-GitHub-Delivery": "d-secret"}
    with TestClient(create_app(settings, queue)) as client:
        bad = client.post("/webhook", content=body, headers={**headers, "X-Hub-Signature-256": "x"})
        assert bad.status_code == 401
        good_sig = sign(WEBHOOK_SECRET, body)
        res = client.post(
            "/webhook", content=body, headers={**headers, "X-Hub-Signature-256": good_sig}
        )
        assert res.status_code == 202

    def leaky(job: ReviewJob, s: Settings) -> None:
        raise PermissionError(f"401 Bad credentials for token {TOKEN} ({s.github_token})")

    worker = Worker(
        queue, settings, job_func=leaky, options=WorkerOptions(max_attempts=1, poll_s=0.005)
    )
    worker.run_pending()
    rec = queue.ledger.get(res.json()["job_id"])
    assert rec is not None and rec.state == "dead"
    assert_clean(rec.error or "")
    text = captured.getvalue()
    assert_clean(text)
    assert any(line.get("delivery_id") == "d-secret" for line in lines(captured))
    dead = [line for line in lines(captured) if line["msg"] == "job dead-lettered"]
    assert dead and dead[0]["repo"] == "Codertocat/Hello-World" and dead[0]["pr"] == 2
    queue.close()


# --- the commands ----------------------------------------------------------------------


def bastion(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "BASTION_"))}
    clean.pop("ANTHROPIC_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env={**clean, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "named", "not_named"),
    [
        ({"GITHUB_TOKEN": "t"}, ["GITHUB_WEBHOOK_SECRET"], ["credentials"]),
        ({"GITHUB_WEBHOOK_SECRET": "s"}, ["GitHub credentials", "GITHUB_TOKEN"], ["SECRET"]),
        ({}, ["GITHUB_WEBHOOK_SECRET", "GitHub credentials"], []),
        ({"GITHUB_WEBHOOK_SECRET": "s", "GITHUB_APP_ID": "1"}, ["GITHUB_APP_PRIVATE_KEY"], []),
    ],
)
def test_serve_refuses_to_start_naming_what_is_missing(
    tmp_path: Path, env: dict[str, str], named: list[str], not_named: list[str]
) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {**env, "BASTION_DATA_DIR": str(tmp_path), "PYTHONPATH": str(root)}
    done = bastion(["serve", "--port", "0"], env, tmp_path)
    assert done.returncode == 2
    err = done.stderr.strip()
    assert len(err.splitlines()) == 1 and err.startswith("bastion: error: ")
    assert "Traceback" not in done.stderr
    for word in named:
        assert word in err
    for word in not_named:
        assert word not in err
    assert not (tmp_path / "ledger.db").exists()


def test_serve_rejects_a_bad_queue_url(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {
        "GITHUB_TOKEN": "t",
        "GITHUB_WEBHOOK_SECRET": "s",
        "BASTION_QUEUE_URL": "amqp://nope",
        "PYTHONPATH": str(root),
    }
    done = bastion(["serve"], env, tmp_path)
    assert done.returncode == 2
    assert "BASTION_QUEUE_URL" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_jobs_on_an_empty_ledger(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {"BASTION_DATA_DIR": str(tmp_path), "PYTHONPATH": str(root)}
    done = bastion(["jobs", "--failed"], env, tmp_path)
    assert done.returncode == 0 and "no failed jobs" in done.stdout
