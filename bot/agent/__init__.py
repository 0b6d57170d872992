"""The LLM engine: Claude reviewing the backend diff with an agent definition.

`make_reviewer` builds the reviewer the pipeline calls, or says why the AI review
cannot run; `answer_question` serves `/ask`. Importing this package never loads
the Anthropic SDK: only sending a request does.
"""

from __future__ import annotations

import importlib.util
import secrets
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.agent.definitions import AgentDefinition
    from bot.agent.review import AgentReviewer
    from bot.config import RepoConfig
    from bot.models import ChangedFile
    from bot.settings import Settings

__all__ = ["answer_question", "llm_unavailable", "make_reviewer", "pick_model"]

# Claude Code's model aliases mean "the default model" to Bastion.
_ALIASES = {"sonnet", "opus", "haiku", "inherit"}


def pick_model(config: RepoConfig, agent: AgentDefinition, settings: Settings) -> str:
    """The repo config's model, else the agent's (a full model id), else BASTION_MODEL."""
    if config.llm.model:
        return config.llm.model
    if agent.model and agent.model not in _ALIASES:
        return agent.model
    return settings.model


def _settings(settings: Settings | None) -> tuple[Settings | None, str | None]:
    if settings is not None:
        return settings, None
    from bot.settings import SettingsError, load_settings

    try:
        return load_settings(), None
    except SettingsError as exc:
        return None, f"invalid setting {exc}"


def llm_unavailable(config: RepoConfig, settings: Settings | None = None) -> str | None:
    """Why the LLM cannot run here, or None when it can: the one answer the CLI, the
    App, the Action and `/ask` all give. Cheap: nothing is fetched or imported."""
    if not config.llm.enabled:
        return "switched off by the config (llm: false)"
    loaded, problem = _settings(settings)
    if loaded is None:
        return problem
    if loaded.anthropic_api_key is None:
        return "no ANTHROPIC_API_KEY set (rule engine only)"
    if importlib.util.find_spec("anthropic") is None:
        return "the anthropic package is not installed"
    return None


def _prepare(
    config: RepoConfig, extra_agents: Mapping[str, str] | None, settings: Settings | None
) -> tuple[tuple[AgentDefinition, Settings, list[str]] | None, str | None]:
    from bot.agent.definitions import pick_agent, repo_agents

    off = llm_unavailable(config, settings)
    loaded, problem = _settings(settings) if off is None else (None, off)
    if loaded is None:
        return None, problem
    agent, reason = pick_agent(config.llm.agent, extra_agents)
    if agent is None:
        return None, reason
    _, errors = repo_agents(extra_agents or {})
    warnings = [f"Ignored a malformed agent definition: {error}" for error in errors]
    return (agent, loaded, warnings), None


def make_reviewer(
    config: RepoConfig,
    *,
    extra_agents: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> tuple[AgentReviewer | None, str | None]:
    """`(reviewer, None)`, or `(None, why the AI review cannot run)`.

    `extra_agents` maps a repo's `.github/bastion/agents/*.md` paths (read from the
    base branch) to their text; `config.llm.agent` names the definition to use.
    """
    from bot.agent.review import AgentReviewer

    prepared, reason = _prepare(config, extra_agents, settings)
    if prepared is None:
        return None, reason
    agent, loaded, warnings = prepared
    reviewer = AgentReviewer(
        agent=agent,
        model=pick_model(config, agent, loaded),
        api_key=loaded.anthropic_api_key,
        base_url=loaded.anthropic_base_url,
        warnings=warnings,
    )
    return reviewer, None


def answer_question(
    files: Sequence[ChangedFile],
    question: str,
    config: RepoConfig,
    *,
    extra_agents: Mapping[str, str] | None = None,
    settings: Settings | None = None,
    max_retries: int = 2,
) -> str:
    """Markdown answering `/ask QUESTION` from the PR's backend diff. Never raises:
    a failure becomes the answer. The model gets no tools at all."""
    from bot.agent.client import LlmError, make_client, run_sync, send
    from bot.agent.prompt import question_body
    from bot.select import select_backend

    prepared, reason = _prepare(config, extra_agents, settings)
    if prepared is None:
        return f"The AI cannot answer here: {reason}."
    agent, loaded, _ = prepared
    backend, _ = select_backend(files, config.paths)
    if not backend:
        return "This pull request changes no backend file, so there is nothing to answer from."
    body, left_out = question_body(
        agent,
        pick_model(config, agent, loaded),
        secrets.token_hex(8),
        backend,
        question.strip()[:4000],
        config.llm.request_budget_tokens,
    )
    timeout_s = config.llm.timeout_s
    key = loaded.anthropic_api_key.get_secret_value() if loaded.anthropic_api_key else None

    async def ask() -> str:
        client = make_client(
            api_key=key,
            base_url=loaded.anthropic_base_url,
            timeout_s=timeout_s,
            max_retries=max_retries,
        )
        try:
            reply = await send(client, body, timeout_s=timeout_s, retries=max_retries)
        finally:
            await client.close()
        return reply.text.strip()

    try:
        answer = run_sync(ask)
    except LlmError as exc:
        return f"The AI could not answer: {exc.reason}."
    except Exception as exc:  # an answer, never a crash of the command handler
        return f"The AI could not answer: internal error ({type(exc).__name__})."
    if not answer:
        answer = "The AI returned an empty answer."
    if left_out:
        answer += "\n\n_Not read for this answer (too large): " + ", ".join(left_out) + "._"
    return answer
