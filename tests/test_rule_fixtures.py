"""Every fixture file under tests/rules/ runs, and every (rule, language) pair has both
a positive and a negative one (or is on the visible list of gaps)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.rules.engine import RuleCase, registry, run_case
from bot.rules.fixture_files import Fixture, fixture_files, parse

ROOT = Path(__file__).parent / "rules"
GAPS = Path(__file__).parent / "rules-fixture-gaps.txt"


def _fixtures() -> list[tuple[str, Path]]:
    return fixture_files(ROOT)


@pytest.mark.parametrize(
    ("rule_id", "file"), _fixtures(), ids=lambda v: v if isinstance(v, str) else v.name
)
def test_fixture(rule_id: str, file: Path) -> None:
    fixture = parse(rule_id, file)
    case = RuleCase(
        path=fixture.path,
        code=fixture.code,
        lines=fixture.lines,
        base=fixture.base,
        repo=fixture.repo,
        changed=fixture.changed,
    )
    assert run_case(rule_id, case) == list(fixture.lines)


def _have() -> dict[tuple[str, str], set[bool]]:
    have: dict[tuple[str, str], set[bool]] = {}
    for rule_id, file in _fixtures():
        fixture: Fixture = parse(rule_id, file)
        have.setdefault((rule_id, fixture.language), set()).add(fixture.negative)
    return have


def _gaps() -> set[str]:
    rows = GAPS.read_text(encoding="utf-8").splitlines()
    return {row.split("#")[0].strip() for row in rows if row.split("#")[0].strip()}


def _missing() -> set[str]:
    have = _have()
    missing = set()
    for rule in registry().rules.values():
        for language in rule.languages or ("any",):
            kinds = have.get((rule.id, language), set())
            if language == "any":
                kinds = set().union(*(v for (r, _), v in have.items() if r == rule.id))
            for negative, label in ((False, "positive"), (True, "negative")):
                if negative not in kinds:
                    missing.add(f"{rule.id} {language} {label}")
    return missing


def test_every_rule_and_language_has_positive_and_negative_fixtures() -> None:
    missing, allowed = _missing(), _gaps()
    assert not missing - allowed, "add fixtures (bastion rules new) for: " + ", ".join(
        sorted(missing - allowed)
    )
    assert not allowed - missing, "no longer missing, take off the gap list: " + ", ".join(
        sorted(allowed - missing)
    )


def test_a_fixture_names_repository_and_change_files_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "some-rule"
    folder.mkdir()
    (folder / "schema.repo.rb").write_text('# bastion-fixture: db/schema.rb\ncreate_table "t"\n')
    (folder / "add.repo.rb").write_text("# bastion-fixture: db/migrate/1_add.rb\nadd_column\n")
    fixture = folder / "ruby.rb"
    fixture.write_text(
        "# bastion-fixture: app/models/t.rb\n# bastion-repo: schema.repo.rb\n"
        "# bastion-changed: add.repo.rb\n# ok: some-rule\nclass T; end\n"
    )
    parsed = parse("some-rule", fixture)
    assert parsed.code == "class T; end\n"
    assert parsed.repo == (("db/schema.rb", 'create_table "t"\n'),)
    assert parsed.changed == (("db/migrate/1_add.rb", "add_column\n"),)
    # Only the fixture is a fixture; the files it names are not run on their own.
    assert fixture_files(tmp_path) == [("some-rule", fixture)]
    fixture.write_text("# bastion-fixture: app/models/t.rb\n# bastion-repo: ruby.rb\n# ok: x\n")
    with pytest.raises(ValueError, match="`.repo.` file"):
        parse("x", fixture)
