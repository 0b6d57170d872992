"""The language table that lets a review import only the rule modules it needs."""

from __future__ import annotations

import importlib

import pytest

from bot.models import ChangedFile, FileKind, FileStatus
from bot.rules import MODULE_LANGUAGES
from bot.rules.engine import _module_names, registry
from bot.select import LANGUAGES

ALL_LANGUAGES = sorted(set(LANGUAGES.values()))


def _languages_wanted(module_name: str) -> set[str | None]:
    module = importlib.import_module(f"bot.rules.{module_name}")
    wanted: set[str | None] = set()
    for check in getattr(module, "CHECKS", ()):
        for language in [*ALL_LANGUAGES, None]:
            for kind in FileKind:
                if kind is FileKind.OTHER:
                    continue
                probe = ChangedFile(path="x", status=FileStatus.ADDED, language=language, kind=kind)
                if check.wants(probe):
                    wanted.add(language)
    return wanted


@pytest.mark.parametrize("name", sorted(MODULE_LANGUAGES))
def test_listed_modules_want_exactly_their_languages(name: str) -> None:
    assert _languages_wanted(name) == set(MODULE_LANGUAGES[name]), (
        f"bot.rules.MODULE_LANGUAGES[{name!r}] is out of date"
    )


def test_every_module_with_language_bound_checks_is_listed() -> None:
    for name in _module_names():
        wanted = _languages_wanted(name)
        if wanted and None not in wanted:
            assert name in MODULE_LANGUAGES, f"add {name} to bot.rules.MODULE_LANGUAGES"


def test_a_language_registry_holds_every_check_that_wants_that_language() -> None:
    everything = registry()
    for language in ALL_LANGUAGES:
        partial = registry([language])
        for check in everything.checks:
            if any(
                check.wants(
                    ChangedFile(path="x", status=FileStatus.ADDED, language=language, kind=kind)
                )
                for kind in FileKind
                if kind is not FileKind.OTHER
            ):
                assert check in partial.checks, (language, check.name)


def test_python_only_review_skips_sql_and_api_spec_modules() -> None:
    names = {check.name for check in registry(["python"]).checks}
    assert "squawk" not in names and not any("openapi" in n for n in names)
    assert len(registry(["python"]).checks) < len(registry().checks)
