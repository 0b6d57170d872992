"""Credentials for one job: a plain token, or a GitHub App installation token.

App auth signs a JWT (RS256, `iat` 60 s in the past to absorb clock drift,
`exp` 9 minutes ahead, under GitHub's 10-minute ceiling) and trades it for an
installation token. Installation tokens live an hour; they are cached per
installation, process-wide, until five minutes before they expire.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import jwt
from github import Auth, Github, GithubException
from requests import RequestException

from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.settings import Settings

JWT_BACKDATE_S = 60
JWT_LIFETIME_S = 540
REFRESH_MARGIN_S = 300


@dataclass(frozen=True)
class _CachedToken:
    token: str
    expires_at: float  # epoch seconds


_cache: dict[int, _CachedToken] = {}
_lock = threading.Lock()


def app_jwt(app_id: str, private_key: str, now: float | None = None) -> str:
    """The App's JWT, for `/app/...` endpoints."""
    issued = int(now if now is not None else time.time())
    claims = {"iat": issued - JWT_BACKDATE_S, "exp": issued + JWT_LIFETIME_S, "iss": app_id}
    try:
        return jwt.encode(claims, private_key, algorithm="RS256")
    except (ValueError, TypeError, jwt.PyJWTError):
        # The key's text must not reach a log through the exception chain.
        raise PermanentJobError(
            "GITHUB_APP_PRIVATE_KEY is not a valid RSA private key (PEM)"
        ) from None


def forget_installation(installation_id: int) -> None:
    """Drop the cached token (the App was uninstalled or its permissions changed)."""
    with _lock:
        _cache.pop(installation_id, None)


def forget_all() -> None:
    with _lock:
        _cache.clear()


def _cached(installation_id: int, now: float) -> str | None:
    with _lock:
        entry = _cache.get(installation_id)
    if entry is None or entry.expires_at - REFRESH_MARGIN_S <= now:
        return None
    return entry.token


def _expiry(value: object, now: float) -> float:
    """`expires_at` (ISO 8601) as epoch seconds; an hour when GitHub omits it."""
    if not isinstance(value, str):
        return now + 3600
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return now + 3600
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def _exchange(settings: Settings, installation_id: int) -> _CachedToken:
    key = settings.app_private_key()
    if settings.github_app_id is None or key is None:
        raise PermanentJobError("GitHub App credentials are incomplete (GITHUB_APP_ID and a key)")
    signed = app_jwt(settings.github_app_id, key)
    app_client = Github(
        auth=Auth.AppAuthToken(signed),
        base_url=settings.github_api_url,
        retry=None,
        seconds_between_requests=0,
        seconds_between_writes=0,
    )
    try:
        _headers, data = app_client.requester.requestJsonAndCheck(
            "POST", f"/app/installations/{installation_id}/access_tokens", input={}
        )
    except GithubException as exc:
        if exc.status >= 500 or exc.status == 429:
            raise TransientGitHubError(
                f"installation token request failed with {exc.status}", 30.0
            ) from None
        raise PermanentJobError(
            f"GitHub refused an installation token for installation {installation_id} "
            f"({exc.status}): check GITHUB_APP_ID, the private key and that the App is installed"
        ) from None
    except RequestException as exc:
        raise TransientGitHubError(
            f"cannot reach GitHub for an installation token ({type(exc).__name__})", 30.0
        ) from None
    finally:
        app_client.close()
    token = data.get("token") if isinstance(data, dict) else None
    if not isinstance(token, str) or not token:
        raise PermanentJobError("GitHub answered the installation token request without a token")
    return _CachedToken(token=token, expires_at=_expiry(data.get("expires_at"), time.time()))


def installation_token(settings: Settings, installation_id: int) -> str:
    """A valid installation token, from the cache when it has time left."""
    now = time.time()
    token = _cached(installation_id, now)
    if token is not None:
        return token
    fresh = _exchange(settings, installation_id)
    with _lock:
        _cache[installation_id] = fresh
    return fresh.token


def uses_app(settings: Settings) -> bool:
    """Whether jobs with an installation id authenticate as the App (else with GITHUB_TOKEN)."""
    return settings.github_app_id is not None and settings.app_private_key() is not None


def token_for(settings: Settings, installation_id: int | None) -> str:
    """The token a job uses: the App's installation token when the job names an
    installation and App credentials exist, else `GITHUB_TOKEN`."""
    has_app = uses_app(settings)
    if installation_id is not None and has_app:
        return installation_token(settings, installation_id)
    if settings.github_token is not None:
        return settings.github_token.get_secret_value()
    if has_app:
        raise PermanentJobError("the job names no installation id, and GITHUB_TOKEN is not set")
    raise PermanentJobError(
        "no GitHub credentials: set GITHUB_TOKEN, or GITHUB_APP_ID with GITHUB_APP_PRIVATE_KEY"
    )
