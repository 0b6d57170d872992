"""Bastion as a GitHub App: auth, REST calls, publishing, slash commands, the job body."""

from bot.github.errors import PermanentJobError, TransientGitHubError

__all__ = ["PermanentJobError", "TransientGitHubError"]
