"""What the webhook receiver (or the Action) hands to a worker."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Trigger = Literal[
    "opened", "reopened", "synchronize", "ready_for_review", "command", "manual", "closed"
]


class CommentCommand(BaseModel):
    """A PR comment that may hold a slash command; parsed and checked by the worker."""

    comment_id: int
    body: str
    author: str
    author_type: str = "User"
    # A comment in a review thread (`pull_request_review_comment`): the id of the
    # thread's first comment, which replies go under. None: the PR's conversation.
    review_thread: int | None = Field(default=None, ge=1)


class ReviewJob(BaseModel):
    """One unit of work: review (or answer on) one PR at one head SHA."""

    delivery_id: str
    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")  # owner/name
    pr_number: int = Field(ge=1)
    head_sha: str | None = None  # None for comment-triggered jobs: the worker looks it up
    trigger: Trigger
    installation_id: int | None = None
    comment: CommentCommand | None = None

    @property
    def key(self) -> str:
        """One job per (repo, PR, head SHA, trigger); comments are each their own job."""
        if self.comment is not None:
            return f"{self.repo}#{self.pr_number}@comment:{self.comment.comment_id}"
        return f"{self.repo}#{self.pr_number}@{self.head_sha}:{self.trigger}"
