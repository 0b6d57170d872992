"""The language table that lets a review import only the rule modules it needs."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bot.models import ChangedFile, FileKind, FileStatus
from bot.rules import MODULE_LANGUAGES, NO_CHECKS
from bot.rules.engine import Check, _module_names, registry
from bot.rules.fixture_files import fixture_files, parse
from bot.select import LANGUAGES

ALL_LANGUAGES = sorted(set(LANGUAGES.values()))
FIXTURES = Path(__file__).parent / "rules"


def _checks(module_name: str) -> list[Check]:
    return list(getattr(importlib.import_module(f"bot.rules.{module_name}"), "CHECKS", ()))


def _probe_paths() -> list[str]:
    """Every fixture's reviewed path: realistic names for every framework."""
    return sorted({parse(rule_id, file).path for rule_id, file in fixture_files(FIXTURES)})


@pytest.mark.parametrize("name", sorted(MODULE_LANGUAGES))
def test_table_matches_the_languages_the_checks_declare(name: str) -> None:
    checks = _checks(name)
    assert checks and all(check.languages for check in checks)
    declared = set().union(*(check.languages for check in checks))
    assert declared == set(MODULE_LANGUAGES[name]), f"MODULE_LANGUAGES[{name!r}] is stale"


def test_modules_bound_to_languages_are_listed() -> None:
    # `declarative` runs the catalogue's ast-grep rules: their languages are the rule
    # files', so it is always loaded rather than listed by hand.
    for name in set(_module_names()) - {"declarative"}:
        checks = _checks(name)
        if checks and all(check.languages for check in checks):
            assert name in MODULE_LANGUAGES, f"add {name} to bot.rules.MODULE_LANGUAGES"


def test_no_check_wants_a_language_it_does_not_declare() -> None:
    paths = _probe_paths()
    for name in MODULE_LANGUAGES:
        for check in _checks(name):
            for language in [*ALL_LANGUAGES, None]:
                if language in check.languages:
                    continue
                for path in paths:
                    for kind in FileKind:
                        probe = ChangedFile(
                            path=path, status=FileStatus.ADDED, language=language, kind=kind
                        )
                        assert not check.wants(probe), (check.name, language, path, kind)


def test_python_only_review_skips_sql_and_api_spec_modules() -> None:
    names = {check.name for check in registry(["python"]).checks}
    assert "squawk" not in names and not any("openapi" in n for n in names)
    assert len(registry(["python"]).checks) < len(registry().checks)


@pytest.mark.parametrize("name", sorted(NO_CHECKS))
def test_modules_the_registry_skips_define_no_checks(name: str) -> None:
    assert name in _module_names(), f"NO_CHECKS names {name}, which bot.rules does not have"
    assert not _checks(name), f"{name} defines CHECKS: take it out of bot.rules.NO_CHECKS"
    assert name not in MODULE_LANGUAGES
