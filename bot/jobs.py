"""What the webhook receiver (or the Action) hands to a worker."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Trigger = Literal[
    "opened", "reopened", "synchronize", "ready_for_review", "command", "manual", "closed"
]


class CommentCommand(BaseModel):
    """A PR comment that may hold a slash command; parsed and checked by the worker."""

    comment_id: int = Field(ge=1, le=2**53 - 1)
    body: str
    author: str
    author_type: str = "User"
    # A comment in a review thread (`pull_request_review_comment`): the id of the
    # thread's first comment, which replies go under. None: the PR's conversation.
    review_thread: int | None = Field(default=None, ge=1)


class ReviewJob(BaseModel):
    """One unit of work: review (or answer on) one PR at one head SHA."""

    delivery_id: str = Field(min_length=1, max_length=200)
    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")  # owner/name
    # The bounds the webhook checks, kept here too: a job read back from the queue is
    # checked again by the worker, and one that fails is dead-lettered, not retried.
    pr_number: int = Field(ge=1, le=2**31 - 1)
    # None for comment-triggered jobs: the worker looks it up. It goes into API paths.
    head_sha: str | None = Field(default=None, pattern=r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
    trigger: Trigger
    installation_id: int | None = Field(default=None, ge=1, le=2**53 - 1)
    comment: CommentCommand | None = None

    @property
    def key(self) -> str:
        """One job per (repo, PR, head SHA, trigger); comments are each their own job."""
        if self.comment is not None:
            return f"{self.repo}#{self.pr_number}@comment:{self.comment.comment_id}"
        return f"{self.repo}#{self.pr_number}@{self.head_sha}:{self.trigger}"
