"""Shared fixtures: only the Redis server the queue tests need."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    reason = "needs Redis at $REDIS_URL (.ci/run sets it)"
    if not url:
        pytest.skip(reason)
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means there is no usable server
        pytest.skip(f"{reason}: {type(exc).__name__}")
    return url


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test its own data directory: the fake reuses commit SHAs across tests with
    other files, and the schema cache trusts a SHA to name one tree (as it does on GitHub)."""
    if "BASTION_DATA_DIR" not in os.environ:
        monkeypatch.setenv("BASTION_DATA_DIR", str(tmp_path_factory.mktemp("data")))
