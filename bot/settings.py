"""Process settings from the environment (SPEC: Environment), validated at start."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot import lazyre as re
from bot.isolation import (
    DEFAULT_FILE_BUDGET_S,
    DEFAULT_REVIEW_BUDGET_S,
    FILE_BUDGET_ENV,
    REVIEW_BUDGET_ENV,
    parse_budget,
)

DEFAULT_MODEL = "claude-sonnet-4-6"
MIN_DASHBOARD_TOKEN = 16
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9._~+/=-]+")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True, env_ignore_empty=True)

    github_api_url: str = Field("https://api.github.com", alias="GITHUB_API_URL")
    github_token: SecretStr | None = Field(None, alias="GITHUB_TOKEN")
    github_app_id: str | None = Field(None, alias="GITHUB_APP_ID")
    github_app_private_key: SecretStr | None = Field(None, alias="GITHUB_APP_PRIVATE_KEY")
    github_app_private_key_path: Path | None = Field(None, alias="GITHUB_APP_PRIVATE_KEY_PATH")
    github_webhook_secret: SecretStr | None = Field(None, alias="GITHUB_WEBHOOK_SECRET")
    anthropic_api_key: SecretStr | None = Field(None, alias="ANTHROPIC_API_KEY")
    anthropic_base_url: str | None = Field(None, alias="ANTHROPIC_BASE_URL")
    model: str = Field(DEFAULT_MODEL, validation_alias=AliasChoices("BASTION_MODEL", "model"))
    app_slug: str = Field("bastion", validation_alias=AliasChoices("BASTION_APP_SLUG", "app_slug"))
    queue_url: str | None = Field(
        None, validation_alias=AliasChoices("BASTION_QUEUE_URL", "queue_url")
    )
    data_dir: Path = Field(
        Path(".bastion"), validation_alias=AliasChoices("BASTION_DATA_DIR", "data_dir")
    )
    # Turns on the receiver's operator page (`/dashboard`) and is the token it asks for.
    dashboard_token: SecretStr | None = Field(
        None, validation_alias=AliasChoices("BASTION_DASHBOARD_TOKEN", "dashboard_token")
    )
    # Wall-clock budgets of the rule engine (`bot.isolation`): per unit (one file's
    # checks, or one batch check such as ruff over every Python file) and per review.
    file_budget_s: float = Field(
        DEFAULT_FILE_BUDGET_S,
        validation_alias=AliasChoices(FILE_BUDGET_ENV, "file_budget_s"),
    )
    review_budget_s: float = Field(
        DEFAULT_REVIEW_BUDGET_S,
        validation_alias=AliasChoices(REVIEW_BUDGET_ENV, "review_budget_s"),
    )

    @field_validator("github_api_url")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("file_budget_s", "review_budget_s", mode="before")
    @classmethod
    def _budget(cls, value: str | float) -> float:
        return parse_budget(value)

    @field_validator("queue_url")
    @classmethod
    def _queue_scheme(cls, value: str | None) -> str | None:
        if value and not value.startswith(("redis://", "rediss://", "sqlite://", "unix://")):
            raise ValueError("must be redis://HOST:PORT/DB (or empty for the embedded SQLite)")
        return value or None

    @field_validator("dashboard_token")
    @classmethod
    def _dashboard_token(cls, value: SecretStr | None) -> SecretStr | None:
        # Sent in a header or a URL: printable ASCII without spaces, and long enough
        # that guessing it over HTTP is hopeless. The message never repeats the value.
        if value is None:
            return None
        token = value.get_secret_value()
        if len(token) < MIN_DASHBOARD_TOKEN or not _TOKEN_CHARS.fullmatch(token):
            raise ValueError(
                f"must be at least {MIN_DASHBOARD_TOKEN} characters of letters, digits "
                "and -._~+/= (for example: openssl rand -hex 24)"
            )
        return value

    def app_private_key(self) -> str | None:
        if self.github_app_private_key is not None:
            return self.github_app_private_key.get_secret_value().replace("\\n", "\n")
        if self.github_app_private_key_path is not None:
            return self.github_app_private_key_path.read_text()
        return None

    def has_github_credentials(self) -> bool:
        return self.github_token is not None or (
            self.github_app_id is not None
            and (self.github_app_private_key is not None or self.github_app_private_key_path)
            is not None
        )


class SettingsError(ValueError):
    pass


def load_settings() -> Settings:
    """Read the environment; a wrong value becomes one message naming the variable."""
    try:
        return Settings()
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else "environment"
        raise SettingsError(f"{name}: {err['msg']}") from None
