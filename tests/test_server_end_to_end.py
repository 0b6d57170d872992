"""End to end in one process tree: `bastion serve` as a subprocess against the GitHub fake.

A signed `pull_request.opened` becomes one review with the expected inline comments;
the same delivery again posts nothing; a `synchronize` with one new problem posts a
review with only that one; `kill -9` with a job queued, then a restart, posts exactly
one review.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from github_fake import DEFAULT_TOKEN, FakeGitHub, install_pr, start_fake

from bot.server.webhook import sign

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "webhooks"
SECRET = "e2e-" + uuid.uuid4().hex
REPO = "Codertocat/Hello-World"
PR = 2
MIGRATION = "db/migrations/0002_orders_idx.sql"
BASE = {
    "README.md": "# shop\n",
    "db/migrations/0001_init.sql": "CREATE TABLE orders (id int);\n",
    # A plain index build is a comment only on a table the team lists as large.
    ".github/bastion.yml": "large_tables: [orders]\n",
}
ONE_PROBLEM = "-- orders lookups\nCREATE INDEX idx_orders_user ON orders (user_id);\n"
TWO_PROBLEMS = ONE_PROBLEM + "CREATE INDEX idx_orders_day ON orders (created_at);\n"

pytestmark = pytest.mark.timeout(240)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    gh = start_fake()
    try:
        yield gh
    finally:
        gh.stop()


class Server:
    def __init__(self, fake: FakeGitHub, data_dir: Path, workers: int = 2) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = data_dir.parent / f"serve-{self.port}.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "BASTION_"))}
        env.pop("ANTHROPIC_API_KEY", None)
        env.update(
            GITHUB_API_URL=fake.url,
            GITHUB_TOKEN=DEFAULT_TOKEN,
            GITHUB_WEBHOOK_SECRET=SECRET,
            BASTION_DATA_DIR=str(data_dir),
            PYTHONPATH=str(ROOT),
        )
        cmd = [sys.executable, "-m", "bot.cli", "serve", "--port", str(self.port)]
        self.proc = subprocess.Popen(
            [*cmd, "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("ab"),
        )
        wait_for(self.healthy, 30, "bastion serve did not come up")

    def healthy(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"serve exited: {self.log.read_text()[-2000:]}")
        try:
            return httpx.get(self.url + "/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def post(self, event: str, data: dict[str, Any], delivery: str) -> httpx.Response:
        body = json.dumps(data).encode()
        headers = {
            "Content-Type": "application/json",
            "X-GitHub-Event": event,
            "X-GitHub-Delivery": delivery,
            "X-Hub-Signature-256": sign(SECRET, body),
        }
        return httpx.post(self.url + "/webhook", content=body, headers=headers, timeout=10)

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def assert_logs_clean(self) -> None:
        text = self.log.read_text()
        assert DEFAULT_TOKEN not in text and SECRET not in text
        assert all(json.loads(line) for line in text.splitlines() if line.startswith("{"))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def wait_for(predicate: Callable[[], bool], timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(message)


def pr_event(action: str, head_sha: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (FIXTURES / f"pull_request.{action}.payload.json").read_text()
    )
    data["pull_request"]["head"]["sha"] = head_sha
    data["pull_request"]["number"] = data["number"] = PR
    return data


def inline_lines(fake: FakeGitHub, review: dict[str, Any]) -> list[tuple[str, int]]:
    comments = fake.review_comments.get((REPO, PR), [])
    return sorted(
        (c["path"], c["line"]) for c in comments if c["pull_request_review_id"] == review["id"]
    )


def test_review_redelivery_synchronize(fake: FakeGitHub, tmp_path: Path) -> None:
    first_sha, second_sha = "1" * 40, "2" * 40
    install_pr(fake, REPO, PR, BASE, {**BASE, MIGRATION: ONE_PROBLEM}, head_sha=first_sha)
    server = Server(fake, tmp_path / "data")
    try:
        res = server.post("pull_request", pr_event("opened", first_sha), "e2e-opened")
        assert res.status_code == 202
        wait_for(lambda: len(fake.successful_reviews(REPO, PR)) == 1, 60, "no review posted")
        review = fake.successful_reviews(REPO, PR)[0]
        assert inline_lines(fake, review) == [(MIGRATION, 2)]
        assert review.get("commit_id") == first_sha

        again = server.post("pull_request", pr_event("opened", first_sha), "e2e-opened")
        assert again.status_code == 200 and again.json()["status"] == "duplicate"

        install_pr(fake, REPO, PR, BASE, {**BASE, MIGRATION: TWO_PROBLEMS}, head_sha=second_sha)
        res = server.post("pull_request", pr_event("synchronize", second_sha), "e2e-sync")
        assert res.status_code == 202
        wait_for(lambda: len(fake.successful_reviews(REPO, PR)) == 2, 60, "no second review")
        time.sleep(1.0)  # room for a wrong extra review to show up
        reviews = fake.successful_reviews(REPO, PR)
        assert len(reviews) == 2
        assert inline_lines(fake, reviews[1]) == [(MIGRATION, 3)]
        server.assert_logs_clean()
    finally:
        server.stop()


def test_kill_9_with_a_job_queued_then_restart_posts_one_review(
    fake: FakeGitHub, tmp_path: Path
) -> None:
    sha = "3" * 40
    install_pr(fake, REPO, PR, BASE, {**BASE, MIGRATION: ONE_PROBLEM}, head_sha=sha)
    data_dir = tmp_path / "data"
    receiver = Server(fake, data_dir, workers=0)  # accepts and queues, runs nothing
    try:
        res = receiver.post("pull_request", pr_event("opened", sha), "e2e-kill")
        assert res.status_code == 202
    finally:
        receiver.kill9()
    assert fake.successful_reviews(REPO, PR) == []
    server = Server(fake, data_dir)
    try:
        wait_for(lambda: len(fake.successful_reviews(REPO, PR)) == 1, 60, "queued job lost")
        time.sleep(1.0)
        assert len(fake.successful_reviews(REPO, PR)) == 1
        assert inline_lines(fake, fake.successful_reviews(REPO, PR)[0]) == [(MIGRATION, 2)]
    finally:
        server.stop()
