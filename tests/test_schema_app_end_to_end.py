"""The App end to end on a query over an existing unindexed column: `bastion serve` as a
subprocess, a signed `pull_request.opened`, the worker reviewing against the GitHub fake
and the fake Anthropic API. The columns are declared on the base branch only (a Django
model, a SQL migration); the PR adds the queries. The posted inline comments name the
index to create, and the AI reviewer's request carries the schema of those tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from anthropic_fake import FakeAnthropic, data_block, running_fake
from github_fake import DEFAULT_TOKEN, FakeGitHub, install_pr, start_fake
from test_server_end_to_end import free_port, pr_event, wait_for

from bot.server.webhook import sign

ROOT = Path(__file__).resolve().parent.parent
SECRET = "schema-e2e-" + uuid.uuid4().hex
REPO = "Codertocat/Hello-World"  # the webhook fixtures' repository
PR = 2
HEAD = "5" * 40

MODELS = """\
from django.db import models


class Order(models.Model):
    status = models.CharField(max_length=20, db_index=True)
    coupon_code = models.CharField(max_length=40, blank=True)
"""
MIGRATION = """\
CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    actor_id bigint NOT NULL,
    action text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created ON audit_log (created_at);
"""
VIEWS = """\
from django.db import connection

from shop.models import Order


def health(request):
    return None
"""
VIEWS_WITH_QUERIES = (
    VIEWS
    + """

def by_coupon(request):
    return list(Order.objects.filter(coupon_code=request.GET["code"]))


def actions_of(actor):
    with connection.cursor() as cursor:
        cursor.execute("SELECT action FROM audit_log WHERE actor_id = %s", [actor])
        return cursor.fetchall()
"""
)
BASE = {
    "README.md": "# shop\n",
    "shop/models.py": MODELS,
    "db/migrations/0001_audit.sql": MIGRATION,
    "shop/views.py": VIEWS,
    # Without a size these findings are summary only; tables listed as large are commented.
    ".github/bastion.yml": "large_tables: [shop_order, audit_log]\n",
}

pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    fake = start_fake()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def anthropic() -> Iterator[FakeAnthropic]:
    yield from running_fake()


def serve(github: FakeGitHub, anthropic: FakeAnthropic, data_dir: Path) -> tuple[Any, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "BASTION_"))}
    env.update(
        GITHUB_API_URL=github.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        GITHUB_WEBHOOK_SECRET=SECRET,
        BASTION_DATA_DIR=str(data_dir),
        ANTHROPIC_API_KEY="sk-ant-e2e-not-a-real-key",
        ANTHROPIC_BASE_URL=anthropic.url,
        PYTHONPATH=str(ROOT),
    )
    log = data_dir.parent / f"serve-{port}.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab"),
    )
    url = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {log.read_text()[-2000:]}")
        try:
            return httpx.get(url + "/readyz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    wait_for(healthy, 30, "bastion serve did not come up")
    return proc, url


def stop(proc: Any) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_a_query_on_an_existing_unindexed_column_gets_the_index_to_create(
    github: FakeGitHub, anthropic: FakeAnthropic, tmp_path: Path
) -> None:
    install_pr(github, REPO, PR, BASE, {**BASE, "shop/views.py": VIEWS_WITH_QUERIES}, HEAD)
    proc, url = serve(github, anthropic, tmp_path / "data")
    try:
        body = json.dumps(pr_event("opened", HEAD)).encode()
        headers = {
            "Content-Type": "application/json",
            "X-GitHub-Event": "pull_request",
            "X-GitHub-Delivery": "schema-e2e-opened",
            "X-Hub-Signature-256": sign(SECRET, body),
        }
        assert httpx.post(url + "/webhook", content=body, headers=headers).status_code == 202
        wait_for(lambda: github.successful_reviews(REPO, PR) != [], 90, "no review posted")
    finally:
        stop(proc)

    comments = {c["line"]: c["body"] for c in github.review_comments[(REPO, PR)]}
    lines = VIEWS_WITH_QUERIES.splitlines()
    orm_line = next(n for n, t in enumerate(lines, 1) if "coupon_code=" in t)
    sql_line = next(n for n, t in enumerate(lines, 1) if "FROM audit_log" in t)
    assert (
        'models.Index(fields=["coupon_code"], name="shop_order_coupon_code_idx")'
        in (comments[orm_line])
    )
    assert (
        "CREATE INDEX CONCURRENTLY audit_log_actor_id_idx ON audit_log (actor_id);"
        in (comments[sql_line])
    )
    # Both tables live outside the diff: only the base branch's files declare them.
    assert all(c["path"] == "shop/views.py" for c in github.review_comments[(REPO, PR)])

    [request] = anthropic.requests
    inside = data_block(request.body)[1]
    schema = inside[: inside.index("</schema>")]
    assert "shop_order(status charfield not null, coupon_code charfield not null" in schema
    assert "audit_log(" in schema and "idx: (created_at)" in schema
