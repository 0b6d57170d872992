"""The feedback store on both backends: upserts keyed per event, a PR's thread events
replaced whole, sums per repository and rule."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.feedback import Event, muted_rules
from bot.server.feedback_store import RedisFeedback, SqliteFeedback


@pytest.fixture(params=["sqlite", "redis"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if request.param == "sqlite":
        sqlite = SqliteFeedback(tmp_path / "ledger.db")
        yield sqlite
        sqlite.close()
        return
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    redis_store = RedisFeedback(url, prefix=f"test-fb-{uuid.uuid4().hex[:8]}")
    try:
        redis_store.r.ping()
    except Exception:  # noqa: BLE001
        if os.environ.get("CI"):
            raise
        pytest.skip("no Redis at REDIS_URL")
    yield redis_store
    redis_store.wipe()
    redis_store.close()


def ev(kind: Any, key: str, pr: int = 7, rule: str = "r1", repo: str = "acme/shop") -> Event:
    return Event(repo, pr, rule, kind, key, "alice")


def counts(store: Any, repo: str = "acme/shop") -> dict[tuple[str, str], dict[str, int]]:
    return {(s.repo, s.rule): s.counts for s in store.stats(repo)}


def test_events_are_counted_once_and_thread_events_replaced_per_pr(store: Any) -> None:
    store.sync_pr("acme/shop", 7, [ev("rejected", "rejected:1:alice"), ev("accepted", "a:1:b")])
    store.sync_pr("acme/shop", 7, [ev("rejected", "rejected:1:alice"), ev("accepted", "a:1:b")])
    store.add([ev("fixed", "fixed:T1"), ev("fixed", "fixed:T1")])
    store.sync_pr("acme/shop", 8, [ev("rejected", "rejected:2:bob", pr=8)])
    store.add([ev("ignored", "ignored:55", rule="r2", repo="other/repo")])
    assert counts(store) == {("acme/shop", "r1"): {"rejected": 2, "accepted": 1, "fixed": 1}}

    # The 👍 was taken back on PR 7; the fix stays, PR 8 is untouched.
    store.sync_pr("acme/shop", 7, [ev("rejected", "rejected:1:alice")])
    item = store.stats("acme/shop")[0]
    assert item.counts == {"rejected": 2, "fixed": 1}
    assert item.precision == pytest.approx(1 / 3)
    assert muted_rules(store.stats("acme/shop"), 2) == {"r1": 2}
    assert muted_rules(store.stats("acme/shop"), 3) == {}
    assert muted_rules(store.stats("acme/shop"), 0) == {}
    assert {(s.repo, s.rule) for s in store.stats()} == {
        ("acme/shop", "r1"),
        ("other/repo", "r2"),
    }
