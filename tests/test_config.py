"""The repo config: defaults, the short forms, and one clear error per mistake."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, FailOn, parse_config, parse_config_bytes
from bot.models import Category, Severity
from bot.rules.engine import Check, Rule, add_check, remove_check


def test_empty_or_missing_config_is_the_defaults() -> None:
    for text in (None, "", "   \n", "# only a comment\n"):
        config = parse_config(text)
        assert config.fail_on is FailOn.HIGH
        assert config.max_comments == 25
        assert set(config.categories) == set(Category)
        assert config.llm.enabled and config.review_event == "comment"


def test_full_config() -> None:
    config = parse_config(
        """
paths:
  include: ["scripts/**/*.sh"]
  exclude: ["legacy/**"]
categories: [security, indexing]
min_severity: medium
fail_on: never
review_event: request_changes
max_comments: 10
auto_review: {drafts: true, actions: [opened]}
llm: false
rules:
  disable: [api-verb-in-path]
  severity: {sql-injection: medium}
commands: {min_permission: admin}
"""
    )
    assert config.paths.exclude == ["legacy/**"]
    assert config.categories == [Category.SECURITY, Category.INDEXING]
    assert config.min_severity is Severity.MEDIUM
    assert config.fail_on.threshold() is None
    assert config.llm.enabled is False
    assert config.rules.severity["sql-injection"] is Severity.MEDIUM
    assert config.auto_review.drafts and config.auto_review.actions == ["opened"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour: red\n", ".github/bastion.yml: unknown key 'colour'"),
        ("paths: {exclude: [a], includ: [b]}\n", "unknown key 'paths.includ'"),
        ("max_comments: lots\n", "key 'max_comments': Input should be a valid integer"),
        ("fail_on: critical\n", "key 'fail_on'"),
        ("categories: [security, style]\n", "key 'categories.1'"),
        ("rules: {severity: {x: urgent}}\n", "key 'rules.severity.x'"),
        ("deploy: sideways\n", "key 'deploy'"),
        ("- just\n- a list\n", "expected a mapping"),
        ("paths: [unclosed\n", "not valid YAML at line"),
    ],
)
def test_bad_config_gives_one_error_naming_key_and_file(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    assert message in str(info.value)
    assert str(info.value).startswith(".github/bastion.yml")
    assert "\n" not in str(info.value)


def test_error_names_the_file_it_came_from() -> None:
    with pytest.raises(ConfigError, match=r"^ci/bastion\.yml: unknown key 'x'$"):
        parse_config("x: 1\n", "ci/bastion.yml")


def _alias_bomb(levels: int, key: str = "categories") -> str:
    """Nested aliases of nine items each: a few hundred bytes, 9**levels values."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join([*lines, f"{key}: *a{levels - 1}"]) + "\n"


@pytest.mark.parametrize("levels", [5, 9])
def test_alias_bomb_is_refused_before_anything_is_built(levels: int) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(_alias_bomb(levels))
    message = str(info.value)
    assert message.startswith(".github/bastion.yml: ")
    assert "aliases" in message
    assert "\n" not in message and len(message) < 200


def test_a_few_aliases_are_fine() -> None:
    config = parse_config("paths:\n  include: &shared ['a/**']\n  exclude: *shared\n")
    assert config.paths.include == config.paths.exclude == ["a/**"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x [*x]\n", "an alias refers to a value that contains it"),
        ("paths: " + "[" * 200 + "]" * 200 + "\n", "nested deeper than"),
        ("paths: " + "[" * 3000 + "]" * 3000 + "\n", "nested deeper than"),
        ("# filler\n" * 10_000, "too large"),
        ("fail_on: high\x00\n", "not a text file"),
    ],
)
def test_yaml_past_the_limits_is_one_clear_error(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # Valid YAML that Python will not build: a date that does not exist, an integer
        # past the interpreter's 4,300-digit conversion limit.
        ("fail_on: high\nlearn:\n  mute_after: 2026-13-01\n", 3),
        ("learn:\n  mute_after: " + "9" * 5_000 + "\n", 2),
        ("paths:\n  include: [" + "1" * 4_400 + "]\n", 2),
    ],
)
def test_a_value_python_cannot_build_is_a_config_error_naming_its_line(
    text: str, line: int
) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    assert str(info.value) == (
        f".github/bastion.yml: holds a value that cannot be read at line {line}"
    )


def test_bytes_must_be_utf8_text() -> None:
    with pytest.raises(ConfigError, match=r"^cfg\.yml: not UTF-8 text \(line 2\)$"):
        parse_config_bytes(b"fail_on: high\nmin_severity: \xff\xfe\n", "cfg.yml")
    assert parse_config_bytes("\ufefffail_on: never\n".encode()).fail_on is FailOn.NEVER
    assert parse_config_bytes(None).fail_on is FailOn.HIGH


def test_values_echoed_in_errors_are_cut_short() -> None:
    long_key = "k" * 1000  # YAML allows keys of up to 1024 characters
    for text in (
        f"{long_key}: 1\n",
        f"paths: {{{long_key}: 1}}\n",
        f"rules: {{disable: [{long_key}]}}\n",
    ):
        with pytest.raises(ConfigError) as info:
            parse_config(text)
        assert len(str(info.value)) < 200
        assert "kkk..." in str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "rules: {disable: [api-verb-in-path, py-sql-injektion]}\n",
            "key 'rules.disable.1': unknown rule id 'py-sql-injektion'; "
            "did you mean 'py-sql-injection'?",
        ),
        (
            "rules: {severity: {pg-prefer-bigints: info}}\n",
            "key 'rules.severity.pg-prefer-bigints': unknown rule id 'pg-prefer-bigints'; "
            "did you mean 'pg-prefer-bigint'?",
        ),
        ("rules: {disable: [no-such-thing-at-all]}\n", "unknown rule id 'no-such-thing-at-all'"),
    ],
)
def test_unknown_rule_ids_are_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


class _AliasedRule(Rule):
    aliases: tuple[str, ...] = ()


class _RenamedCheck(Check):
    name = "renamed-check"
    rules = (
        _AliasedRule(
            id="test-new-name",
            aliases=("test-old-name",),
            category=Category.SECURITY,
            severity=Severity.HIGH,
            title="t",
            rationale="r",
            fix="f",
            languages=("python",),
        ),
    )


def test_old_rule_ids_are_accepted_as_the_current_id() -> None:
    check = add_check(_RenamedCheck())
    try:
        config = parse_config(
            "rules:\n  disable: [test-old-name]\n  severity: {test-old-name: low}\n"
        )
    finally:
        remove_check(check)
    assert config.rules.disable == ["test-new-name"]
    assert config.rules.severity == {"test-new-name": Severity.LOW}
