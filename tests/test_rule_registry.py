"""Which rule modules a review imports is read from the catalogue's rule files."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bot.models import ChangedFile, FileKind, FileStatus
from bot.rules.engine import Check, _module_names, registry
from bot.rules.fixture_files import fixture_files, parse
from bot.rules.loader import Catalog, builtin_catalog, builtin_module_languages, parse_rule
from bot.select import LANGUAGES

ALL_LANGUAGES = sorted(set(LANGUAGES.values()))
FIXTURES = Path(__file__).parent / "rules"
MODULES = builtin_module_languages()


def _checks(module_name: str) -> list[Check]:
    return list(getattr(importlib.import_module(f"bot.rules.{module_name}"), "CHECKS", ()))


def _probe_paths() -> list[str]:
    """Every fixture's reviewed path: realistic names for every framework."""
    return sorted({parse(rule_id, file).path for rule_id, file in fixture_files(FIXTURES)})


@pytest.mark.parametrize("name", sorted(MODULES))
def test_the_catalogue_gives_each_module_the_languages_its_checks_declare(name: str) -> None:
    checks = _checks(name)
    assert checks, f"a rule.yml names {name}, which defines no CHECKS"
    wanted = MODULES[name]
    if wanted is None:
        return  # a rule of any language: the module is always loaded
    bound = [check for check in checks if check.languages]
    declared = set().union(*(check.languages for check in bound))
    assert declared <= wanted, f"{name}'s checks look at {sorted(declared - wanted)} too"
    if len(bound) == len(checks):
        assert declared == set(wanted), f"rule.yml files give {name} {sorted(set(wanted))}"
    for check in checks:
        if not check.languages:
            # A check handed every file (it reads schema or migrations as context) must
            # report only the rules' languages, which load it.
            for rule in check.rules:
                spec = builtin_catalog().rules[builtin_catalog().canonical(rule.id)]
                assert set(spec.languages) <= set(wanted), (name, rule.id)


def test_every_module_with_checks_is_named_by_a_rule() -> None:
    for name in _module_names():
        if _checks(name):
            assert name in MODULES, f"no rule.yml names {name}: its checks would never run"


def test_no_check_wants_a_language_it_does_not_declare() -> None:
    paths = _probe_paths()
    # Every probe built once: the checks are many, the probes the same for each.
    probes = {
        language: [
            ChangedFile(path=path, status=FileStatus.ADDED, language=language, kind=kind)
            for path in paths
            for kind in FileKind
        ]
        for language in [*ALL_LANGUAGES, None]
    }
    for name in MODULES:
        for check in _checks(name):
            if not check.languages:
                continue
            for language, files in probes.items():
                if language in check.languages:
                    continue
                for probe in files:
                    assert not check.wants(probe), (check.name, language, probe.path, probe.kind)


def test_python_only_review_skips_sql_and_api_spec_modules() -> None:
    names = {check.name for check in registry(["python"]).checks}
    assert "squawk" not in names and not any("openapi" in n for n in names)
    assert len(registry(["python"]).checks) < len(registry().checks)


def test_helper_modules_are_not_imported_as_rule_modules() -> None:
    for helper in ("astgrep", "loader", "lib", "scaffold", "fixture_files"):
        assert helper not in MODULES


_RULE = """\
id: x-rule
category: security
severity: low
cwe: [20]
title: t
rationale: r
fix: f
languages: [go, python, sql]
check:
  kind: python
  module: security_go
  by-language:
    python: {kind: analyzer, tool: ruff, codes: [S999]}
    sql: {kind: python, module: taint.checks}
"""


def test_module_languages_follow_the_check_of_each_language() -> None:
    catalog = Catalog()
    catalog.add(parse_rule(_RULE, "rule.yml"), "rule.yml")
    anywhere = _RULE.replace("languages: [go, python, sql]\n", "").replace(
        "  by-language:\n    python: {kind: analyzer, tool: ruff, codes: [S999]}\n"
        "    sql: {kind: python, module: taint.checks}\n",
        "",
    )
    catalog.add(parse_rule(anywhere.replace("x-rule", "y-rule"), "y.yml"), "y.yml")
    assert catalog.module_languages() == {
        "security_go": None,  # y-rule has no languages: any file
        "python_ruff": frozenset({"python"}),
        "taint": frozenset({"sql"}),
    }


def test_each_language_of_a_rule_is_reported_by_a_check_of_the_module_it_names() -> None:
    """rule.yml says which module answers for each language; a check of that module
    must report the rule and look at that language (else the language is silently
    unchecked, or modules are loaded for nothing)."""
    catalog = builtin_catalog()
    reports: dict[tuple[str, str], set[str]] = {}
    for check in registry().checks:
        module = type(check).__module__.removeprefix("bot.rules.")
        for rule in check.rules:
            key = (catalog.canonical(rule.id), module)
            reports.setdefault(key, set()).update(check.languages or {"*"})
    for spec in catalog.rules.values():
        for language in spec.languages:
            for own in spec.check.for_language(language):
                for module in own.modules_named() or {"declarative"}:
                    found = reports.get((spec.id, module), set())
                    assert language in found or "*" in found, (spec.id, language, module)
