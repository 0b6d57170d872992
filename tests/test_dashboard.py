"""`/dashboard` and `/metrics` after a real review: a job reviewed by the worker against
the GitHub fake, a 👎 read back on the next push, then the page opened in headless
Chromium (Debian's `chromium`), its DOM checked and a phone-sized screenshot taken.
The screenshot goes to the test's temporary directory; `BASTION_UPDATE_SCREENSHOTS=1`
also copies it over docs/dashboard.png (the README's picture), so a plain test run
never rewrites a tracked file."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from github_fake import (  # noqa: F401  (fixtures)
    DEFAULT_TOKEN,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
    make_diff,
    typical_files,
    unsafe_rule_fixture,
)
from loopback import LoopbackServer
from pydantic import SecretStr

from bot.cli import main as cli_main
from bot.jobs import ReviewJob
from bot.server.app import create_app
from bot.server.queue import JobQueue
from bot.server.worker import Worker, WorkerOptions
from bot.settings import Settings

REPO = "acme/shop"
HEAD, HEAD2 = "a" * 40, "c" * 40
TOKEN = "dash-t0ken-for-tests"
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "dashboard.png"
UPDATE_SCREENSHOTS = "BASTION_UPDATE_SCREENSHOTS"
FAST = WorkerOptions(threads=1, backoff_base_s=0.0, poll_s=0.005, sweep_s=0.2, max_attempts=2)


@pytest.fixture
def reviewed(
    github_fake: FakeGitHub, unsafe_rule: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[JobQueue, Settings, Path]]:
    """Two reviews of PR #7 run by the worker; a 👎 on one comment in between."""
    data = tmp_path / "data"
    settings = Settings(
        GITHUB_API_URL=github_fake.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        ANTHROPIC_API_KEY=None,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
        BASTION_DATA_DIR=str(data),
    )
    base, head1 = typical_files({"app/api/orders.py": (50,), "app/models.py": (30,)})
    install_pr(github_fake, REPO, 7, base, head1, HEAD)
    queue = JobQueue(None, data)
    worker = Worker(queue, settings, options=FAST)

    def review(head: str, trigger: str, delivery: str) -> None:
        job = ReviewJob(
            delivery_id=delivery, repo=REPO, pr_number=7, head_sha=head, trigger=trigger
        )
        queue.admit(delivery, job)
        worker.run_pending()

    review(HEAD, "opened", "d-1")
    models = next(c for c in github_fake.review_comments[(REPO, 7)] if c["path"] == "app/models.py")
    github_fake.react_review_comment(models["id"], "alice", "THUMBS_DOWN")
    _, head2 = typical_files({"app/models.py": (30,)})
    install_pr(github_fake, REPO, 7, base, head2, HEAD2)
    github_fake.repos[REPO].compares[(HEAD, HEAD2)] = ("ahead", make_diff(head1, head2))
    review(HEAD2, "synchronize", "d-2")
    monkeypatch.setenv("BASTION_DATA_DIR", str(data))
    monkeypatch.delenv("BASTION_QUEUE_URL", raising=False)
    try:
        yield queue, settings, data
    finally:
        queue.close()


def test_a_thumbs_down_shows_in_metrics_and_stats(
    reviewed: tuple[JobQueue, Settings, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    queue, settings, _data = reviewed
    with TestClient(create_app(settings, queue)) as client:
        text = client.get("/metrics").text
    line = 'bastion_rule_feedback{kind="rejected",repo="acme/shop",rule="test-unsafe-call"} 1.0'
    assert line in text
    assert (
        'bastion_rule_feedback{kind="fixed",repo="acme/shop",rule="test-unsafe-call"} 1.0' in text
    )

    assert cli_main(["stats", "--repo", REPO]) == 0
    out = capsys.readouterr().out
    header, row = out.strip().splitlines()
    assert header.split() == [
        "repo", "rule", "accepted", "rejected", "ignored", "fixed", "replied", "precision",
    ]  # fmt: skip
    assert row.split() == [REPO, "test-unsafe-call", "0", "1", "0", "1", "0", "50%"]
    assert cli_main(["stats", "--repo", "other/repo"]) == 0
    assert "no feedback recorded yet" in capsys.readouterr().out


def with_token(settings: Settings) -> Settings:
    return settings.model_copy(update={"dashboard_token": SecretStr(TOKEN)})


def test_dashboard_needs_its_token_and_is_off_without_one(
    reviewed: tuple[JobQueue, Settings, Path],
) -> None:
    queue, settings, _ = reviewed
    with TestClient(create_app(settings, queue)) as client:
        assert client.get("/dashboard").status_code == 404
    with TestClient(create_app(with_token(settings), queue)) as client:
        assert client.get("/dashboard").status_code == 401
        assert client.get("/dashboard?token=wrong").status_code == 401
        page = client.get("/dashboard", headers={"Authorization": f"Bearer {TOKEN}"})
    assert page.status_code == 200
    # The last review first: nothing new posted at HEAD2, one thread resolved.
    last = page.text.split("<code>")[1]
    assert last.startswith(f"{HEAD2[:7]}</code></td><td>none</td><td>0</td><td>1</td>")
    assert "<code>aaaaaaa</code></td><td>security 2</td>" in page.text


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _headless(binary: str, profile: str, *args: str) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
    ]
    return subprocess.run(
        [binary, *flags, *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_dashboard_in_a_real_browser(
    reviewed: tuple[JobQueue, Settings, Path], tmp_path: Path
) -> None:
    binary = _chromium()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test")
    queue, settings, _ = reviewed
    server = LoopbackServer(create_app(with_token(settings), queue), "bastion receiver")
    base = server.start()
    try:
        url = f"{base}/dashboard?token={TOKEN}"
        with tempfile.TemporaryDirectory() as profile:
            dom = _headless(binary, profile, "--dump-dom", url)
        assert dom.returncode == 0, dom.stderr[-2000:]
        html = dom.stdout
        assert "Recent reviews" in html and "Feedback per rule" in html
        assert "acme/shop" in html and f"<code>{HEAD2[:7]}</code>" in html
        assert "test-unsafe-call" in html and "50%" in html
        # A phone-sized window: the page is laid out for it (and the picture is kept).
        shot = tmp_path / "dashboard.png"
        with tempfile.TemporaryDirectory() as profile:
            taken = _headless(
                binary,
                profile,
                f"--screenshot={shot}",
                "--window-size=412,915",
                "--hide-scrollbars",
                url,
            )
        assert taken.returncode == 0 and shot.exists(), taken.stderr[-2000:]
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5_000
        if os.environ.get(UPDATE_SCREENSHOTS) == "1":
            shutil.copyfile(shot, SCREENSHOT)
    finally:
        server.stop()


@pytest.mark.parametrize(
    "value", ["short", "has spaces in the middle!", "tøken-with-non-ascii-chars"]
)
def test_a_weak_or_odd_dashboard_token_is_refused_at_start_without_echoing_it(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.settings import SettingsError, load_settings

    monkeypatch.setenv("BASTION_DASHBOARD_TOKEN", value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert "BASTION_DASHBOARD_TOKEN" in str(caught.value) and value not in str(caught.value)


def test_the_dashboard_token_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.settings import load_settings

    monkeypatch.setenv("BASTION_DASHBOARD_TOKEN", TOKEN)
    token = load_settings().dashboard_token
    assert token is not None and token.get_secret_value() == TOKEN


def test_feedback_metrics_carry_no_pid_under_serves_multiprocess_metrics(
    reviewed: tuple[JobQueue, Settings, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`bastion serve` sums its workers' metric files; the feedback gauges come from the
    store itself, once, without a per-process `pid` label."""
    queue, settings, _ = reviewed
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    with TestClient(create_app(settings, queue)) as client:
        text = client.get("/metrics").text
    lines = [line for line in text.splitlines() if line.startswith("bastion_rule_feedback{")]
    assert lines and not any("pid=" in line for line in lines)
    assert any('kind="rejected"' in line and line.endswith(" 1.0") for line in lines)
