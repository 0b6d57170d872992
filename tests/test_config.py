"""The repo config: defaults, the short forms, and one clear error per mistake."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, FailOn, parse_config
from bot.models import Category, Severity


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
  severity: {py-sql-injection: medium}
commands: {min_permission: admin}
"""
    )
    assert config.paths.exclude == ["legacy/**"]
    assert config.categories == [Category.SECURITY, Category.INDEXING]
    assert config.min_severity is Severity.MEDIUM
    assert config.fail_on.threshold() is None
    assert config.llm.enabled is False
    assert config.rules.severity["py-sql-injection"] is Severity.MEDIUM
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
