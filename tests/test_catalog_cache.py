"""The built-in catalogue's parsed YAML kept between runs (`bot.rules.loader`): the
catalogue read with the cache, cold or warm, is the one read without it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.rules import loader


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    loader.builtin_catalog.cache_clear()
    yield monkeypatch
    loader.builtin_catalog.cache_clear()


def _read(monkeypatch: pytest.MonkeyPatch, folder: str) -> loader.Catalog:
    monkeypatch.setenv("BASTION_CACHE_DIR", folder)
    loader.builtin_catalog.cache_clear()
    return loader.builtin_catalog()


def _same(a: loader.Catalog, b: loader.Catalog) -> bool:
    return (a.rules, a.aliases, a.codes, a.origin) == (b.rules, b.aliases, b.codes, b.origin)


def test_cold_and_warm_cache_read_the_same_catalogue(
    fresh: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plain = _read(fresh, "")
    assert not list(tmp_path.iterdir())
    cold = _read(fresh, str(tmp_path))
    assert (tmp_path / "catalog-yaml.json").is_file()
    warm = _read(fresh, str(tmp_path))
    assert _same(plain, cold) and _same(plain, warm)


def test_an_unreadable_or_foreign_cache_is_no_cache(
    fresh: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plain = _read(fresh, "")
    cache = tmp_path / "catalog-yaml.json"
    cache.write_text("{not json", encoding="utf-8")
    assert _same(plain, _read(fresh, str(tmp_path)))
    # Entries under hashes no file has (an older catalogue) are never used, and are
    # dropped when the cache is written again.
    cache.write_text('{"version": 1, "entries": {"0": "{\\"id\\": \\"x\\"}"}}', encoding="utf-8")
    assert _same(plain, _read(fresh, str(tmp_path)))
    assert '"0"' not in cache.read_text(encoding="utf-8")


def test_a_cache_folder_that_cannot_be_written_is_no_cache(
    fresh: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plain = _read(fresh, "")
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # a file where the folder would be
    assert _same(plain, _read(fresh, str(blocked / "bastion")))
