"""The two ways a job can fail, as the queue layer sees them."""

from __future__ import annotations


class TransientGitHubError(Exception):
    """GitHub or the network failed in a way that a later attempt may not:
    5xx, connection errors, rate limits. `retry_after_seconds` is GitHub's own
    hint (`Retry-After`, `x-ratelimit-reset`) or a default back-off."""

    def __init__(self, message: str, retry_after_seconds: float = 60.0) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class PermanentJobError(Exception):
    """A job that cannot succeed by retrying (bad credentials, missing PR, ...).
    The message is for a person and never carries a secret."""
