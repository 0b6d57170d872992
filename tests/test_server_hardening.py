"""Issue 9, hardening, end to end through `bastion serve` / `bastion worker` on 127.0.0.1:
bounded JSON nesting and headers, quiet client disconnects, one-line start-up errors
with the queue password masked, and one log line per queue outage instead of a flood.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from github_fake import DEFAULT_TOKEN, FakeGitHub, start_fake
from test_server_end_to_end import ROOT, SECRET, Server, free_port, wait_for

from bot.server.webhook import sign

pytestmark = pytest.mark.timeout(240)

PASSWORD = "hunter2-" + "x" * 12


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeGitHub]:
    gh = start_fake()
    try:
        yield gh
    finally:
        gh.stop()


@pytest.fixture(scope="module")
def receiver(fake: FakeGitHub, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = Server(fake, tmp_path_factory.mktemp("hardening") / "data", workers=0)
    try:
        yield server
    finally:
        server.stop()


def signed(server: Server, body: bytes, **headers: str) -> httpx.Response:
    sent = {
        "Content-Type": "application/json",
        "X-GitHub-Event": "pull_request",
        "X-GitHub-Delivery": "h-" + os.urandom(6).hex(),
        "X-Hub-Signature-256": sign(SECRET, body),
        **headers,
    }
    return httpx.post(server.url + "/webhook", content=body, headers=sent, timeout=30)


def log_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.startswith("{")]


# --- bounded input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"action": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"}",
        b'{"x": NaN, "y": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # the fallback parser
    ],
    ids=["arrays", "objects", "non-standard"],
)
def test_a_signed_body_nested_100k_deep_is_400(receiver: Server, body: bytes) -> None:
    res = signed(receiver, body)
    assert res.status_code == 400
    assert res.json() == {
        "status": "error",
        "detail": "body refused: JSON nested deeper than 1024 levels",
    }


def test_ordinary_nesting_is_still_read(receiver: Server) -> None:
    res = signed(
        receiver,
        b'{"zen": "ok", "hook_id": 1, "a": ' + b"[" * 200 + b"]" * 200 + b"}",
        **{"X-GitHub-Event": "ping"},
    )
    assert res.status_code == 200 and res.json()["status"] == "pong"


@pytest.mark.parametrize("size", [20 * 1024, 1024 * 1024])
def test_headers_over_16_kib_are_431(receiver: Server, size: int) -> None:
    body = b'{"zen": "ok", "hook_id": 1}'
    try:
        res = signed(receiver, body, **{"X-GitHub-Event": "ping", "X-Padding": "a" * size})
    except httpx.RemoteProtocolError:  # the HTTP parser may drop the connection instead
        res = None
    if res is not None:
        assert res.status_code == 431
        assert "16 KiB" in res.json()["detail"]
    # The server is unharmed and still answers.
    assert httpx.get(receiver.url + "/healthz", timeout=10).status_code == 200


def test_an_endless_header_is_cut_off_at_the_limit(receiver: Server) -> None:
    """The head never ends: only the HTTP protocol layer can answer, and must not wait."""
    with socket.create_connection(("127.0.0.1", receiver.port), timeout=30) as sock:
        sock.sendall(b"POST /webhook HTTP/1.1\r\nHost: x\r\nX-Padding: ")
        answer = b""
        try:
            for _ in range(64):  # up to 4 MiB, far past the limit
                sock.sendall(b"a" * 65536)
        except OSError:  # refused and closed while we were still sending
            pass
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 431 ")
    assert b"16 KiB" in answer


def test_headers_under_the_limit_pass(receiver: Server) -> None:
    body = b'{"zen": "ok", "hook_id": 1}'
    res = signed(receiver, body, **{"X-GitHub-Event": "ping", "X-Padding": "a" * 8 * 1024})
    assert res.status_code == 200


def test_a_client_that_goes_away_mid_body_is_not_an_error(receiver: Server) -> None:
    before = len(log_lines(receiver.log))
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", receiver.port)) as sock:
            sock.sendall(
                b"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"X-GitHub-Event: pull_request\r\nContent-Length: 100000\r\n\r\n" + b"{" * 100
            )
    pattern = re.compile(
        r'^bastion_webhooks_total\{event="pull_request",outcome="disconnected"\} 5\.0$', re.M
    )
    wait_for(
        lambda: bool(pattern.search(httpx.get(receiver.url + "/metrics", timeout=10).text)),
        60,
        "the disconnects were not seen",
    )
    new = log_lines(receiver.log)[before:]
    assert [line for line in new if line["level"] in ("warning", "error", "critical")] == []
    assert "Traceback" not in receiver.log.read_text()


# --- start-up errors --------------------------------------------------------------------


def bastion(
    args: list[str], env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "BASTION_"))}
    clean.pop("ANTHROPIC_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env={**clean, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [["serve", "--port", "0"], ["serve", "--port", "0", "--workers", "0"], ["worker"], ["jobs"]],
)
def test_unreachable_redis_is_one_line_with_the_password_masked(
    args: list[str], tmp_path: Path
) -> None:
    port = free_port()  # nothing listens there
    env = {
        "GITHUB_TOKEN": DEFAULT_TOKEN,
        "GITHUB_WEBHOOK_SECRET": SECRET,
        "BASTION_DATA_DIR": str(tmp_path),
        "BASTION_QUEUE_URL": f"redis://bastion:{PASSWORD}@127.0.0.1:{port}/0",
    }
    done = bastion(args, env)
    assert done.returncode != 0
    assert PASSWORD not in done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("bastion: error: ")
    assert f"redis://bastion:[REDACTED]@127.0.0.1:{port}/0" in lines[0]
    assert "Traceback" not in done.stderr
    if args[0] != "jobs":
        assert "BASTION_QUEUE_URL" in lines[0]


def test_jobs_masks_passwords_in_stored_errors(tmp_path: Path) -> None:
    from bot.jobs import ReviewJob
    from bot.server.queue import open_queue

    queue = open_queue(None, tmp_path)
    job = ReviewJob(
        delivery_id="d-pw", repo="o/r", pr_number=1, head_sha="a" * 40, trigger="opened"
    )
    job_id = queue.admit("d-pw", job).job_id or ""
    owner = "h:1:b:w"
    queue.ledger.claim(job_id, owner, 60, 5, 5)
    # An error text stored by an older version, before errors were redacted.
    queue.ledger.fail(job_id, owner, f"ConnectionError: redis://:{PASSWORD}@db:6379", retry_at=None)
    queue.close()
    done = bastion(["jobs", "--failed"], {"BASTION_DATA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout
    assert "redis://:[REDACTED]@db:6379" in done.stdout


# --- a worker's probes, metrics and outage logs ------------------------------------------


class Redis:
    """A private redis-server, so the test can take it away and bring it back."""

    def __init__(self, workdir: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("needs redis-server")
        self.binary = binary
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        def up() -> bool:
            try:
                return bool(redis.Redis(port=self.port, socket_connect_timeout=1).ping())
            except redis.RedisError:
                return False

        wait_for(up, 30, "redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=30)


class WorkerProc:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "BASTION_"))}
        clean.pop("ANTHROPIC_API_KEY", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "worker", "--metrics-port", str(self.port)],
            env={**clean, "PYTHONPATH": str(ROOT), **env},
            stdout=subprocess.DEVNULL,
            stderr=log.open("ab"),
        )
        wait_for(self.answers, 60, "the worker's probes did not come up")

    def answers(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"worker exited: {self.log.read_text()[-2000:]}")
        try:
            return httpx.get(self.url + "/healthz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def get(self, path: str) -> httpx.Response:
        return httpx.get(self.url + path, timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def test_worker_probes_and_metrics(fake: FakeGitHub, tmp_path: Path) -> None:
    from github_fake import install_pr
    from test_server_end_to_end import BASE, MIGRATION, ONE_PROBLEM, PR, REPO

    from bot.jobs import ReviewJob
    from bot.server.queue import open_queue

    sha = "6" * 40
    install_pr(fake, REPO, PR, BASE, {**BASE, MIGRATION: ONE_PROBLEM}, head_sha=sha)
    data = tmp_path / "data"
    env = {"GITHUB_API_URL": fake.url, "GITHUB_TOKEN": DEFAULT_TOKEN, "BASTION_DATA_DIR": str(data)}
    worker = WorkerProc(env, tmp_path / "worker.log")
    try:
        assert worker.get("/healthz").json() == {"status": "ok", "detail": "ok"}
        assert worker.get("/readyz").json() == {"status": "ready", "detail": "ok"}
        queue = open_queue(None, data)
        before = len(fake.successful_reviews(REPO, PR))
        queue.admit(
            "w-1",
            ReviewJob(delivery_id="w-1", repo=REPO, pr_number=PR, head_sha=sha, trigger="opened"),
        )
        queue.close()
        wait_for(lambda: len(fake.successful_reviews(REPO, PR)) == before + 1, 60, "no review")

        def done() -> bool:
            return 'bastion_jobs_total{outcome="done"} 1.0' in worker.get("/metrics").text

        wait_for(done, 30, "the job is not in the metrics")
        text = worker.get("/metrics").text
        assert "bastion_job_duration_seconds_count 1.0" in text
        assert "bastion_jobs_in_flight 0.0" in text
        assert worker.get("/nope").status_code == 404
    finally:
        worker.stop()
    assert worker.proc.returncode == 0


def test_a_redis_outage_is_logged_once_per_state_change(fake: FakeGitHub, tmp_path: Path) -> None:
    redis_server = Redis(tmp_path)
    env = {
        "GITHUB_API_URL": fake.url,
        "GITHUB_TOKEN": DEFAULT_TOKEN,
        "BASTION_DATA_DIR": str(tmp_path / "data"),
        "BASTION_QUEUE_URL": redis_server.url,
    }
    log = tmp_path / "worker.log"
    worker = WorkerProc(env, log)
    try:
        assert worker.get("/readyz").status_code == 200
        redis_server.stop()
        wait_for(lambda: worker.get("/readyz").status_code == 503, 60, "still ready")
        # Let the two job threads and the scheduler fail for a few seconds: before,
        # each failure was a traceback (the scheduler's ten a second).
        time.sleep(3.0)
        assert worker.get("/healthz").status_code == 200  # alive, only not ready
        redis_server.start()
        wait_for(lambda: worker.get("/readyz").status_code == 200, 60, "not ready again")
        wait_for(lambda: "queue reachable again" in log.read_text(), 30, "no recovery line")
    finally:
        worker.stop()
        redis_server.stop()
    lines = log_lines(log)
    loud = [line for line in lines if line["level"] in ("warning", "error", "critical")]
    assert [line["msg"] for line in loud] == ["queue unreachable", "queue reachable again"]
    assert "Traceback" not in log.read_text()
