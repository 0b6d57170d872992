"""YAML from repositories is measured before it is built: the config and agent files."""

from __future__ import annotations

import pytest

from bot.agent.definitions import AgentError, parse_agent
from bot.yamlsafe import Limits, YamlError, YamlSyntaxError, load_yaml


def _bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_aliases_within_the_limits_load() -> None:
    assert load_yaml("base: &b {x: 1}\nuse: [*b, *b]\n") == {
        "base": {"x": 1},
        "use": [{"x": 1}, {"x": 1}],
    }
    assert load_yaml("") is None


@pytest.mark.parametrize(
    ("text", "limits", "message"),
    [
        (_bomb(9), Limits(), "more than 20,000 values once aliases are expanded"),
        ("a: &a [1]\nb: [*a, *a, *a]\n", Limits(aliases=2), "more than 2 aliases"),
        ("a: [1, 2, 3]\n", Limits(nodes=4), "more than 4 values"),
        ("a: &a [*a]\n", Limits(), "an alias refers to a value that contains it"),
        ("a: [[[1]]]\n", Limits(depth=3), "nested deeper than 3 levels"),
        ("a: 1\n", Limits(chars=3), "too large (5 characters; the limit is 3)"),
    ],
)
def test_limits(text: str, limits: Limits, message: str) -> None:
    with pytest.raises(YamlError) as info:
        load_yaml(text, limits)
    assert message in str(info.value)
    assert not isinstance(info.value, YamlSyntaxError)


def test_syntax_errors_name_the_line() -> None:
    with pytest.raises(YamlSyntaxError) as info:
        load_yaml("a: 1\nb: [2\n")
    assert info.value.line is not None and info.value.line >= 2


def test_an_agent_definition_with_an_alias_bomb_is_refused() -> None:
    header = _bomb(5) + "name: a\ndescription: b\ncategories: *a4\n"
    with pytest.raises(AgentError) as info:
        parse_agent(f"---\n{header}---\nbody\n", "bomb.md")
    assert str(info.value).startswith("bomb.md: front matter refused: ")
    assert "aliases" in str(info.value)
