"""Agent definitions: `agents/*.md` in the Claude Code sub-agent format.

YAML front matter (`name`, `description`, optional `model`, optional `categories`)
and a Markdown body that becomes the agent's system prompt. Keys the Claude Code
format has but Bastion has no use for (`tools`, `color` ...) are accepted and
ignored, so a sub-agent file written for Claude Code loads unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot import lazyre as re
from bot.models import Category
from bot.yamlsafe import YamlError, YamlSyntaxError, load_yaml

# The shipped definitions: `agents/` beside the package in a checkout (and an editable
# install); `bot/data/agents/` inside a built wheel.
_PACKAGE = Path(__file__).resolve().parents[1]
BUILTIN_DIRS = (_PACKAGE.parent / "agents", _PACKAGE / "data" / "agents")
BUILTIN_DIR = next((d for d in BUILTIN_DIRS if d.is_dir()), BUILTIN_DIRS[0])
REPO_AGENTS_DIR = ".github/bastion/agents"
_MAX_PROMPT_CHARS = 40_000


class AgentError(ValueError):
    """A definition that cannot be used; the message names the file and the field."""


class AgentDefinition(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")
    description: str = Field(min_length=1)
    model: str | None = None
    categories: tuple[Category, ...] = tuple(Category)
    prompt: str = Field(min_length=1, max_length=_MAX_PROMPT_CHARS)
    source: str = ""

    @field_validator("model")
    @classmethod
    def _model_id(cls, value: str | None) -> str | None:
        # Claude Code writes `model: inherit` (or an alias) to mean "the default".
        if value is None or value.strip() in {"", "inherit"}:
            return None
        return value.strip()

    @field_validator("categories", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


def _split_front_matter(text: str, source: str) -> tuple[str, str]:
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        raise AgentError(f"{source}: missing YAML front matter (the file must start with '---')")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
    raise AgentError(f"{source}: front matter is not closed by a '---' line")


_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*):(?:\s+(.*))?$")


def _plain_front_matter(header: str) -> dict[str, str] | None:
    """`key: value` lines read literally, the way Claude Code reads sub-agent files:
    their descriptions often hold `: ` and `<example>` text that is not valid YAML."""
    data: dict[str, str] = {}
    key: str | None = None
    for line in header.split("\n"):
        match = _KEY_LINE.match(line)
        if match:
            key = match.group(1)
            data[key] = (match.group(2) or "").strip()
        elif key is not None and line[:1].isspace() and line.strip():
            data[key] = f"{data[key]} {line.strip()}".strip()
        elif line.strip():
            return None
    return data


def _front_matter_data(header: str, source: str) -> object:
    try:
        return load_yaml(header)
    except YamlSyntaxError as exc:
        plain = _plain_front_matter(header)
        if plain:
            return plain
        where = f" at line {exc.line + 1}" if exc.line is not None else ""
        raise AgentError(f"{source}: front matter is not valid YAML{where}") from None
    except YamlError as exc:
        raise AgentError(f"{source}: front matter refused: {exc}") from None


def parse_agent(text: str, source: str) -> AgentDefinition:
    """Parse one definition; any problem becomes an `AgentError` naming `source` and the field."""
    header, body = _split_front_matter(text, source)
    data = _front_matter_data(header, source)
    if not isinstance(data, dict):
        raise AgentError(f"{source}: front matter must be a mapping of keys")
    if "prompt" in data:
        raise AgentError(f"{source}: field 'prompt': the prompt is the Markdown body, not a key")
    try:
        return AgentDefinition.model_validate({**data, "prompt": body.strip(), "source": source})
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(part) for part in err["loc"]) or "(front matter)"
        field = "body" if field == "prompt" else field
        raise AgentError(f"{source}: field '{field}': {err['msg']}") from None


def builtin_agents(directory: Path = BUILTIN_DIR) -> dict[str, AgentDefinition]:
    """The shipped definitions by name. A broken shipped file is a bug: it raises."""
    found: dict[str, AgentDefinition] = {}
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("*.md")):
        agent = parse_agent(path.read_text(encoding="utf-8"), f"agents/{path.name}")
        found[agent.name] = agent
    return found


def repo_agents(files: Mapping[str, str]) -> tuple[dict[str, AgentDefinition], list[str]]:
    """A repo's own definitions (path -> text), and one error per file that is malformed."""
    found: dict[str, AgentDefinition] = {}
    errors: list[str] = []
    for path in sorted(files):
        if PurePosixPath(path).suffix != ".md":
            continue
        try:
            agent = parse_agent(files[path], path)
        except AgentError as exc:
            errors.append(str(exc))
            continue
        found[agent.name] = agent
    return found, errors


def pick_agent(
    name: str,
    extra_agents: Mapping[str, str] | None = None,
    directory: Path = BUILTIN_DIR,
) -> tuple[AgentDefinition | None, str | None]:
    """The definition called `name` (a repo's own wins over a shipped one), or why not."""
    repo, errors = repo_agents(extra_agents or {})
    if name in repo:
        return repo[name], None
    try:
        shipped = builtin_agents(directory)
    except AgentError as exc:
        return None, f"the shipped agent definition is broken ({exc})"
    if name in shipped:
        return shipped[name], None
    known = sorted({*repo, *shipped})
    reason = f"no agent named '{name}' (llm.agent); known: {', '.join(known) or 'none'}"
    if errors:
        reason += "; malformed: " + "; ".join(errors)
    return None, reason
