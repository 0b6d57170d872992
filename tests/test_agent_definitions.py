"""Agent definitions: the loader, the shipped agent, a repo's own agents, and start-up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.agent import make_reviewer
from bot.agent.definitions import AgentError, builtin_agents, parse_agent, pick_agent
from bot.config import RepoConfig, parse_config
from bot.models import Category
from bot.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "agents"
ROOT = Path(__file__).resolve().parents[1]

GOOD = """---
name: db-only
description: Looks at migrations only.
model: claude-haiku-4-5
categories: indexing
---
You review database migrations.
"""


def test_the_seed_persona_file_loads_unchanged() -> None:
    text = (FIXTURES / "backend-engineer.md").read_text(encoding="utf-8")
    agent = parse_agent(text, "backend-engineer.md")
    assert agent.name == "backend-engineer"
    assert agent.description.startswith("Use this agent when you need to design")
    assert "<commentary>" in agent.description  # the unquoted YAML with ': ' survives
    assert agent.prompt.startswith("You are a Senior Backend Engineer")
    assert agent.model is None
    assert set(agent.categories) == set(Category)


def test_the_shipped_reviewer_is_valid_and_covers_every_category() -> None:
    agents = builtin_agents()
    reviewer = agents["backend-reviewer"]
    assert set(reviewer.categories) == set(Category)
    assert "## Security" in reviewer.prompt and "---" not in reviewer.prompt[:3]


def test_a_single_category_and_a_model_are_read() -> None:
    agent = parse_agent(GOOD, "x.md")
    assert agent.categories == (Category.INDEXING,)
    assert agent.model == "claude-haiku-4-5"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no front matter at all\n", "x.md: missing YAML front matter"),
        ("---\nname: a\ndescription: b\n", "x.md: front matter is not closed"),
        ("---\ndescription: b\n---\nbody\n", "x.md: field 'name': Field required"),
        ("---\nname: Bad Name\ndescription: b\n---\nbody\n", "x.md: field 'name'"),
        ("---\nname: a\ndescription: b\n---\n\n", "x.md: field 'body'"),
        (
            "---\nname: a\ndescription: b\ncategories: [security, styling]\n---\nbody\n",
            "x.md: field 'categories.1'",
        ),
        ("---\n- just\n- a list\n---\nbody\n", "x.md: front matter must be a mapping"),
        ("---\nname: a\n[oops: x\n---\nbody\n", "x.md: front matter is not valid YAML at line 3"),
    ],
)
def test_a_malformed_file_is_reported_by_path_and_field(text: str, expected: str) -> None:
    with pytest.raises(AgentError) as caught:
        parse_agent(text, "x.md")
    assert expected in str(caught.value)


def test_a_repo_agent_is_picked_by_name_and_wins_over_a_shipped_one() -> None:
    repo = {".github/bastion/agents/db.md": GOOD}
    agent, reason = pick_agent("db-only", repo)
    assert reason is None and agent is not None
    assert agent.source == ".github/bastion/agents/db.md"
    shadow = GOOD.replace("name: db-only", "name: backend-reviewer")
    agent, _ = pick_agent("backend-reviewer", {".github/bastion/agents/mine.md": shadow})
    assert agent is not None and agent.prompt == "You review database migrations."


def test_an_unknown_agent_name_says_which_names_exist_and_what_is_broken() -> None:
    repo = {".github/bastion/agents/broken.md": "---\nname: x\n---\nbody\n"}
    agent, reason = pick_agent("nope", repo)
    assert agent is None and reason is not None
    assert "no agent named 'nope'" in reason and "backend-reviewer" in reason
    assert ".github/bastion/agents/broken.md: field 'description'" in reason


def _settings(key: str | None = "sk-ant-test") -> Settings:
    return Settings.model_validate(
        {"ANTHROPIC_API_KEY": key, "ANTHROPIC_BASE_URL": None, "BASTION_MODEL": "claude-x-1"}
    )


def test_make_reviewer_gives_a_reason_instead_of_a_reviewer() -> None:
    off = parse_config("llm: false")
    assert make_reviewer(off, settings=_settings()) == (
        None,
        "switched off by the config (llm: false)",
    )
    none, reason = make_reviewer(RepoConfig(), settings=_settings(None))
    assert none is None and reason is not None and "ANTHROPIC_API_KEY" in reason
    unknown = parse_config("llm:\n  agent: missing-agent\n")
    none, reason = make_reviewer(unknown, settings=_settings())
    assert none is None and reason is not None and "missing-agent" in reason


def test_make_reviewer_picks_the_model_config_then_agent_then_setting() -> None:
    repo = {".github/bastion/agents/db.md": GOOD}
    chosen = parse_config("llm:\n  agent: db-only\n")
    reviewer, _ = make_reviewer(chosen, extra_agents=repo, settings=_settings())
    assert reviewer is not None and reviewer.model == "claude-haiku-4-5"
    pinned = parse_config("llm:\n  agent: db-only\n  model: claude-opus-4-1\n")
    reviewer, _ = make_reviewer(pinned, extra_agents=repo, settings=_settings())
    assert reviewer is not None and reviewer.model == "claude-opus-4-1"
    reviewer, _ = make_reviewer(RepoConfig(), settings=_settings())
    assert reviewer is not None and reviewer.model == "claude-x-1"


def test_a_malformed_repo_agent_is_named_in_the_notes_of_every_review() -> None:
    repo = {".github/bastion/agents/bad.md": "---\nname: BAD\ndescription: x\n---\nbody\n"}
    reviewer, _ = make_reviewer(RepoConfig(), extra_agents=repo, settings=_settings())
    assert reviewer is not None
    assert reviewer.warnings == [
        "Ignored a malformed agent definition: .github/bastion/agents/bad.md: field 'name': "
        "String should match pattern '^[a-z0-9][a-z0-9-]{0,63}$'"
    ]


def test_importing_the_agent_package_does_not_load_the_sdk() -> None:
    code = (
        "import sys, bot.agent, bot.agent.review, bot.agent.prompt;"
        "assert 'anthropic' not in sys.modules, 'anthropic was imported'"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
