"""GitHub REST calls for one job, through PyGithub's requester.

PyGithub's object layer costs a GET per object it completes; the job already
knows most of what it needs, so it asks the requester for exactly the endpoints
it uses and counts every call (the bench and the metrics read that count).

Retries are deliberately off here (`retry=None`) and pacing is zero: a job makes
~15 requests, well below the secondary limits, and the queue layer retries a
whole job with back-off when `TransientGitHubError` says when to come back.
"""

from __future__ import annotations

import base64
import email.utils
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from typing import Any

from github import Auth, Github, GithubException
from requests import RequestException

from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.settings import Settings

DIFF_MEDIA_TYPE = "application/vnd.github.v3.diff"
MAX_CONTENT_BYTES = 1_000_000
DEFAULT_BACKOFF_S = 60.0
SERVER_ERROR_BACKOFF_S = 10.0
NETWORK_BACKOFF_S = 10.0
TIMEOUT_S = 20
MAX_PAGES = 50

# (method, status) for every call; the server's metrics subscribe here.
ApiObserver = Callable[[str, int], None]
_observers: list[ApiObserver] = []


def add_api_observer(observer: ApiObserver) -> None:
    """Called after every GitHub request with its method and HTTP status
    (0 for a network error)."""
    if observer not in _observers:
        _observers.append(observer)


def remove_api_observer(observer: ApiObserver) -> None:
    if observer in _observers:
        _observers.remove(observer)


def _notify(method: str, status: int) -> None:
    for observer in list(_observers):
        try:
            observer(method, status)
        except Exception:  # a broken metrics hook must not fail a review
            continue


def _header(headers: dict[str, Any] | None, name: str) -> str | None:
    for key, value in (headers or {}).items():
        if key.lower() == name:
            return str(value)
    return None


def retry_after_seconds(headers: dict[str, Any] | None, now: float | None = None) -> float | None:
    """GitHub's hint for when to retry: `Retry-After` (seconds or an HTTP date),
    else `x-ratelimit-reset` when no requests remain. None when neither applies."""
    now = time.time() if now is None else now
    value = _header(headers, "retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            parsed = email.utils.parsedate_to_datetime(value) if value.strip() else None
            if parsed is not None:
                return max(0.0, parsed.timestamp() - now)
    if _header(headers, "x-ratelimit-remaining") == "0":
        reset = _header(headers, "x-ratelimit-reset")
        if reset and reset.isdigit():
            return max(1.0, float(reset) - now)
    return None


def _message(exc: GithubException) -> str:
    data = exc.data if isinstance(exc.data, dict) else {}
    return str(data.get("message") or "").strip()[:200]


def is_rate_limited(exc: GithubException) -> bool:
    if exc.status == 429:
        return True
    if exc.status != 403:
        return False
    text = _message(exc).lower()
    return (
        "rate limit" in text
        or _header(exc.headers, "retry-after") is not None
        or _header(exc.headers, "x-ratelimit-remaining") == "0"
    )


def transient_from(exc: GithubException, what: str) -> TransientGitHubError | None:
    """The retryable form of a GitHub error, or None when retrying cannot help."""
    hint = retry_after_seconds(exc.headers)
    if is_rate_limited(exc):
        return TransientGitHubError(
            f"GitHub rate limit on {what} ({exc.status})",
            hint if hint is not None else DEFAULT_BACKOFF_S,
        )
    if exc.status >= 500:
        return TransientGitHubError(
            f"GitHub answered {exc.status} to {what}",
            hint if hint is not None else SERVER_ERROR_BACKOFF_S,
        )
    return None


def describe(exc: GithubException, what: str) -> str:
    message = _message(exc)
    return f"GitHub answered {exc.status} to {what}" + (f": {message}" if message else "")


def _quote(path: str) -> str:
    return urllib.parse.quote(path, safe="/")


class GitHubClient:
    """One repository, one token, one thread. `clone()` gives another thread its own."""

    def __init__(self, token: str, settings: Settings, repo: str) -> None:
        self._token = token
        self._settings = settings
        self.repo = repo
        self._gh = Github(
            auth=Auth.Token(token),
            base_url=settings.github_api_url,
            timeout=TIMEOUT_S,
            per_page=100,
            retry=None,
            seconds_between_requests=0,
            seconds_between_writes=0,
            lazy=True,
        )
        self._counter = _Counter()

    def clone(self) -> GitHubClient:
        twin = GitHubClient(self._token, self._settings, self.repo)
        twin._counter = self._counter
        return twin

    @property
    def calls(self) -> int:
        return self._counter.value

    def close(self) -> None:
        self._gh.close()

    # -- transport -------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
        accept: str | None = None,
    ) -> tuple[dict[str, Any], Any]:
        """One call. Rate limits, 5xx and network errors become
        `TransientGitHubError`; other GitHub errors propagate as `GithubException`."""
        what = f"{method} {path.split('?')[0]}"
        headers = {"Accept": accept} if accept else None
        self._counter.add()
        try:
            result = self._gh.requester.requestJsonAndCheck(
                method, path, parameters=params, headers=headers, input=body
            )
        except GithubException as exc:
            _notify(method, exc.status)
            transient = transient_from(exc, what)
            if transient is not None:
                raise transient from None
            raise
        except RequestException as exc:
            _notify(method, 0)
            raise TransientGitHubError(
                f"cannot reach GitHub for {what} ({type(exc).__name__})", NETWORK_BACKOFF_S
            ) from None
        _notify(method, 200)
        return result

    def graphql(self, query: str, variables: dict[str, Any]) -> tuple[Any, list[dict[str, Any]]]:
        """One GraphQL call (`/graphql`, or `/api/graphql` on GitHub Enterprise, as
        PyGithub derives it from the base URL): its `data` and its `errors`, both kept,
        since one document may partly succeed (GitHub answers 200 either way)."""
        url = self._gh.requester.graphql_url
        _headers, data = self.request("POST", url, body={"query": query, "variables": variables})
        if not isinstance(data, dict):
            return None, [{"message": "the GraphQL answer is not a JSON object"}]
        errors = data.get("errors")
        problems = [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []
        return data.get("data"), problems

    def paginate(self, path: str, params: dict[str, Any] | None = None) -> Iterator[Any]:
        """Items of a list endpoint, following `Link: rel="next"`."""
        url: str | None = path
        query: dict[str, Any] | None = {"per_page": 100, **(params or {})}
        for _ in range(MAX_PAGES):
            if url is None:
                return
            headers, data = self.request("GET", url, params=query)
            yield from data if isinstance(data, list) else []
            url = _next_link(_header(headers, "link"))
            query = None  # the next link carries the query already

    # -- reads -------------------------------------------------------------------

    def pull(self, number: int) -> dict[str, Any]:
        return self.request("GET", f"/repos/{self.repo}/pulls/{number}")[1]

    def pull_diff(self, number: int) -> str | None:
        """The PR's unified diff, or None when GitHub finds it too large (406)."""
        try:
            _headers, data = self.request(
                "GET", f"/repos/{self.repo}/pulls/{number}", accept=DIFF_MEDIA_TYPE
            )
        except GithubException as exc:
            if exc.status == 406:
                return None
            raise
        if isinstance(data, dict):
            return str(data.get("data") or "")
        return str(data or "")

    def pull_files(self, number: int) -> list[dict[str, Any]]:
        return list(self.paginate(f"/repos/{self.repo}/pulls/{number}/files"))

    def compare(self, base: str, head: str) -> dict[str, Any]:
        return self.request("GET", f"/repos/{self.repo}/compare/{base}...{head}")[1]

    def reviews(self, number: int) -> list[dict[str, Any]]:
        return list(self.paginate(f"/repos/{self.repo}/pulls/{number}/reviews"))

    def review_comments(self, number: int) -> list[dict[str, Any]]:
        return list(self.paginate(f"/repos/{self.repo}/pulls/{number}/comments"))

    def issue_comments(self, number: int) -> list[dict[str, Any]]:
        return list(self.paginate(f"/repos/{self.repo}/issues/{number}/comments"))

    def review_comment(self, comment_id: int) -> dict[str, Any] | None:
        """One review comment; None when it is gone (deleted, or not in this repository)."""
        try:
            _headers, data = self.request("GET", f"/repos/{self.repo}/pulls/comments/{comment_id}")
        except GithubException as exc:
            if exc.status == 404:
                return None
            raise
        return data if isinstance(data, dict) else None

    def file_text(self, path: str, ref: str, max_bytes: int = MAX_CONTENT_BYTES) -> str | None:
        """A file's text at `ref`; None when absent, too large, binary or a directory."""
        try:
            _headers, data = self.request(
                "GET", f"/repos/{self.repo}/contents/{_quote(path)}", params={"ref": ref}
            )
        except GithubException as exc:
            if exc.status == 404:
                return None
            raise
        return decode_content(data, max_bytes)

    def list_dir(self, path: str, ref: str) -> list[dict[str, Any]]:
        try:
            _headers, data = self.request(
                "GET", f"/repos/{self.repo}/contents/{_quote(path)}", params={"ref": ref}
            )
        except GithubException as exc:
            if exc.status == 404:
                return []
            raise
        return [item for item in data if isinstance(item, dict)] if isinstance(data, list) else []

    def latest_release_tag(self) -> str | None:
        """The tag of the repository's latest published release; None when it has none."""
        try:
            _headers, data = self.request("GET", f"/repos/{self.repo}/releases/latest")
        except GithubException as exc:
            if exc.status == 404:
                return None
            raise
        tag = data.get("tag_name") if isinstance(data, dict) else None
        return tag if isinstance(tag, str) and tag else None

    def permission(self, user: str) -> dict[str, Any]:
        """`permission` (admin|write|read|none) and `role_name` of a user on the repo."""
        try:
            _headers, data = self.request(
                "GET", f"/repos/{self.repo}/collaborators/{_quote(user)}/permission"
            )
        except GithubException as exc:
            if exc.status == 404:
                return {"permission": "none"}
            raise
        return data if isinstance(data, dict) else {"permission": "none"}

    # -- writes ------------------------------------------------------------------

    def create_review(self, number: int, payload: dict[str, Any]) -> dict[str, Any]:
        return self.request("POST", f"/repos/{self.repo}/pulls/{number}/reviews", body=payload)[1]

    def create_issue_comment(self, number: int, body: str) -> dict[str, Any]:
        return self.request(
            "POST", f"/repos/{self.repo}/issues/{number}/comments", body={"body": body}
        )[1]

    def reply_in_thread(self, number: int, comment_id: int, body: str) -> dict[str, Any]:
        """A reply in the review thread that `comment_id` (its first comment) starts."""
        return self.request(
            "POST",
            f"/repos/{self.repo}/pulls/{number}/comments/{comment_id}/replies",
            body={"body": body},
        )[1]

    def add_reaction(self, comment_id: int, content: str = "eyes", review: bool = False) -> None:
        """A reaction on a conversation comment, or (`review`) on a review comment."""
        kind = "pulls" if review else "issues"
        self.request(
            "POST",
            f"/repos/{self.repo}/{kind}/comments/{comment_id}/reactions",
            body={"content": content},
        )

    def create_check_run(self, payload: dict[str, Any]) -> int | None:
        """A check run's id; None when the token may not create one (a personal
        token, or an App without `checks: write`): the review goes on without it."""
        try:
            _headers, data = self.request("POST", f"/repos/{self.repo}/check-runs", body=payload)
        except GithubException as exc:
            if exc.status in (403, 404):
                return None
            raise
        value = data.get("id") if isinstance(data, dict) else None
        return value if isinstance(value, int) else None

    def update_check_run(self, run_id: int, payload: dict[str, Any]) -> None:
        self.request("PATCH", f"/repos/{self.repo}/check-runs/{run_id}", body=payload)


def decode_content(data: Any, max_bytes: int = MAX_CONTENT_BYTES) -> str | None:
    """Text of a contents-API answer; None for directories, big or binary files."""
    if not isinstance(data, dict) or data.get("type", "file") != "file":
        return None
    size = data.get("size")
    if isinstance(size, int) and size > max_bytes:
        return None
    encoded = data.get("content")
    if not isinstance(encoded, str) or data.get("encoding") not in ("base64", None):
        return None
    try:
        raw = base64.b64decode(encoded, validate=False)
    except ValueError:
        return None
    if len(raw) > max_bytes or b"\x00" in raw[:8192]:
        return None
    return raw.decode("utf-8", errors="replace")


def _next_link(link: str | None) -> str | None:
    if not link:
        return None
    for part in link.split(","):
        section = part.split(";")
        if len(section) < 2:
            continue
        if any(p.strip() in ('rel="next"', "rel=next") for p in section[1:]):
            return section[0].strip().strip("<>")
    return None


class _Counter:
    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.value += 1


def open_client(token: str, settings: Settings, repo: str) -> GitHubClient:
    if "/" not in repo:
        raise PermanentJobError(f"repository name {repo!r} is not owner/name")
    return GitHubClient(token, settings, repo)
