"""The repo config (`.github/bastion.yml`), validated by pydantic.

Read from the PR's base branch by the App and the Action, from `--config` or the
working tree by the CLI. Any mistake becomes one `ConfigError` naming the file,
the key and the problem.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.models import Category, Severity

CONFIG_PATH = ".github/bastion.yml"
PrAction = Literal["opened", "reopened", "synchronize", "ready_for_review"]
PR_ACTIONS: tuple[PrAction, ...] = ("opened", "reopened", "synchronize", "ready_for_review")


class FailOn(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"
    NEVER = "never"

    def threshold(self) -> Severity | None:
        return None if self is FailOn.NEVER else Severity(self.value)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PathsConfig(_Strict):
    include: list[str] = Field(
        default_factory=list,
        description="Globs always reviewed as backend, even where the defaults would skip them.",
    )
    exclude: list[str] = Field(
        default_factory=list, description="Globs never reviewed (wins over `include`)."
    )


class AutoReviewConfig(_Strict):
    enabled: bool = Field(True, description="Review PRs automatically on the events below.")
    actions: list[PrAction] = Field(
        default_factory=lambda: list(PR_ACTIONS),
        description="`pull_request` actions that start a review.",
    )
    drafts: bool = Field(False, description="Review draft PRs too.")
    bots: bool = Field(
        True, description="Review PRs opened by bots (Dependabot, Renovate, other Apps) too."
    )


class LlmConfig(_Strict):
    enabled: bool = Field(True, description="Run the agent when an API key is present.")
    model: str | None = Field(None, description="Claude model id (default: `BASTION_MODEL`).")
    agent: str = Field("backend-reviewer", description="Agent definition to review with.")
    request_budget_tokens: int = Field(
        24_000, ge=2_000, le=180_000, description="Upper bound of input tokens per request."
    )
    review_budget_tokens: int = Field(
        400_000, ge=2_000, description="Ceiling of input tokens for one review."
    )
    max_concurrency: int = Field(4, ge=1, le=16, description="Requests in flight at once.")
    timeout_s: float = Field(120.0, gt=0, le=600, description="Timeout of one request.")


class RulesConfig(_Strict):
    disable: list[str] = Field(default_factory=list, description="Rule ids never reported.")
    severity: dict[str, Severity] = Field(
        default_factory=dict, description="Severity per rule id, replacing its default."
    )


class CommandsConfig(_Strict):
    enabled: bool = Field(True, description="Accept slash commands in PR comments.")
    min_permission: Literal["write", "maintain", "admin"] = Field(
        "write", description="Lowest repository permission that may run a command."
    )


class LearnConfig(_Strict):
    mute_after: int = Field(
        3,
        ge=0,
        le=1000,
        description="Rejections (👎 or `/bastion ignore`) after which a rule's findings go to "
        "the summary instead of inline comments in this repository; 0 never mutes.",
    )


class RepoConfig(_Strict):
    paths: PathsConfig = Field(
        default_factory=PathsConfig, description="Which files are reviewed, beyond the defaults."
    )
    categories: list[Category] = Field(
        default_factory=lambda: list(Category), description="Categories to review."
    )
    min_severity: Severity = Field(Severity.LOW, description="Lowest severity posted inline.")
    fail_on: FailOn = Field(FailOn.HIGH, description="Severity that fails the check run.")
    review_event: Literal["comment", "request_changes"] = Field(
        "comment", description="`request_changes` when a finding reaches `fail_on`."
    )
    max_comments: int = Field(25, ge=0, le=200, description="Inline comments per review.")
    auto_review: AutoReviewConfig = Field(
        default_factory=AutoReviewConfig, description="When the App reviews without being asked."
    )
    llm: LlmConfig = Field(
        default_factory=LlmConfig, description="The AI review; `llm: false` switches it off."
    )
    rules: RulesConfig = Field(
        default_factory=RulesConfig, description="The rule engine's catalogue, per repo."
    )
    commands: CommandsConfig = Field(
        default_factory=CommandsConfig, description="Slash commands in PR comments."
    )
    learn: LearnConfig = Field(
        default_factory=LearnConfig, description="What Bastion learns from reactions and replies."
    )
    large_tables: list[str] = Field(
        default_factory=list,
        description=(
            "Tables with many rows: locking or rewriting migrations on them are high, and a "
            "plain index build on them is a comment (on a table of unknown size, index builds, "
            "table rewrites and most locks are summary lines)."
        ),
    )
    small_tables: list[str] = Field(
        default_factory=list,
        description=(
            "Tables known to stay small: their migration hazards drop one severity, and those "
            "the table's size decides are summary lines."
        ),
    )
    database: Literal["postgresql", "mysql", "mariadb", "sqlite"] | None = Field(
        default=None,
        description=(
            "The database the migrations run on, when the repository's files do not say "
            "(PostgreSQL lock advice goes to the summary on MySQL/MariaDB and SQLite)."
        ),
    )

    deploy: Literal["rolling", "stopped"] | None = Field(
        default=None,
        description=(
            "How migrations meet running code: `rolling` (old instances keep serving while "
            "migrations run) shows dropped or renamed columns and tables inline; `stopped` "
            "(the app is down while they run) or unset keeps them in the summary, saying why."
        ),
    )

    @field_validator("llm", mode="before")
    @classmethod
    def _llm_switch(cls, value: Any) -> Any:
        # `llm: false` is the short form of `llm: {enabled: false}`.
        if isinstance(value, bool):
            return {"enabled": value}
        return value


class ConfigError(ValueError):
    """A config file that cannot be used; the message is ready for a user."""


# A config file is a few hundred bytes; anything near this is a mistake or an attack.
MAX_CONFIG_CHARS = 64 * 1024
_SHOWN_CHARS = 60


def _cut(value: object) -> str:
    """A user's value for an error message, cut short: the message stays one short
    line whatever the file holds."""
    text = value if isinstance(value, str) else repr(value)
    text = text.replace("\n", " ").replace("\r", " ")
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "..."


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(_cut(part) for part in loc) or "(top level)"


def parse_config_bytes(data: bytes | None, source: str = CONFIG_PATH) -> RepoConfig:
    """`parse_config` for a file's bytes, which must be UTF-8 text."""
    if data is None:
        return parse_config(None, source)
    if len(data) > MAX_CONFIG_CHARS * 4:  # more than any text of the limit encodes to
        raise ConfigError(f"{source}: too large (over {MAX_CONFIG_CHARS:,} characters)")
    if b"\0" in data:
        raise ConfigError(f"{source}: not a text file (it holds NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"{source}: not UTF-8 text (line {line})") from None
    return parse_config(text.removeprefix("\ufeff"), source)


def parse_config(text: str | None, source: str = CONFIG_PATH) -> RepoConfig:
    """Parse and validate a config file's text; empty or absent means defaults."""
    if text is None or not text.strip():
        return RepoConfig()
    if len(text) > MAX_CONFIG_CHARS:
        raise ConfigError(
            f"{source}: too large ({len(text):,} characters; the limit is {MAX_CONFIG_CHARS:,})"
        )
    if "\0" in text:
        raise ConfigError(f"{source}: not a text file (it holds NUL bytes)")
    # Imported here, with PyYAML, only when there is a config to read: start-up stays light.
    from bot.yamlsafe import YamlError, load_yaml

    try:
        data = load_yaml(text)
    except YamlError as exc:
        where = f" at line {exc.line}" if exc.line is not None else ""
        raise ConfigError(f"{source}: {exc}{where}") from None
    if data is None:
        return RepoConfig()
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping of keys at the top level")
    try:
        config = RepoConfig.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False, include_input=False)[0]
        key = _location(err["loc"])
        if err["type"] == "extra_forbidden":
            raise ConfigError(f"{source}: unknown key '{key}'") from None
        raise ConfigError(f"{source}: key '{key}': {err['msg']}") from None
    return _known_rules(config, source)


def _known_rules(config: RepoConfig, source: str) -> RepoConfig:
    """Rule ids in `rules` checked against the catalogue, old names mapped to current
    ids. The catalogue is loaded only when the config names a rule."""
    rules = config.rules
    if not rules.disable and not rules.severity:
        return config
    names = rule_names()

    def canonical(name: str, key: str) -> str:
        if name in names:
            return names[name]
        from difflib import get_close_matches

        hint = get_close_matches(name[:100], list(names), n=1, cutoff=0.6)
        maybe = f"; did you mean '{hint[0]}'?" if hint else " (`bastion rules` lists them)"
        raise ConfigError(f"{source}: key '{key}': unknown rule id '{_cut(name)}'{maybe}")

    disable = [canonical(name, f"rules.disable.{i}") for i, name in enumerate(rules.disable)]
    severity = {
        canonical(name, f"rules.severity.{_cut(name)}"): level
        for name, level in rules.severity.items()
    }
    fixed = rules.model_copy(update={"disable": disable, "severity": severity})
    return config.model_copy(update={"rules": fixed})


def rule_names() -> dict[str, str]:
    """Every name a config may use for a rule -> the rule's id."""
    from bot.rules.engine import registry

    names: dict[str, str] = {}
    for rule in registry().rules.values():
        names[rule.id] = rule.id
        # Renamed rules keep their old ids as `aliases`, accepted here once the field exists.
        names.update((alias, rule.id) for alias in getattr(rule, "aliases", ()))
    return names
