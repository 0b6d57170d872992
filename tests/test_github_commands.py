"""Slash commands: pure parsing, and command jobs against the GitHub fake."""

from __future__ import annotations

import json
from typing import Any

import pytest
from github_fake import (  # noqa: F401  (fixtures)
    BOT_LOGIN,
    DEFAULT_TOKEN,
    FIXTURES,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
    typical_files,
    unsafe_rule_fixture,
)

from bot.github.commands import (
    PERMISSIONS,
    Command,
    PermissionCache,
    ignore_reason,
    parse_command,
    permission_allows,
    permission_level,
)
from bot.github.job import run_job
from bot.jobs import CommentCommand, ReviewJob
from bot.models import Category
from bot.settings import Settings

REPO = "acme/shop"
HEAD = "a" * 40


# -- parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("/review", Command("review")),
        ("/review security indexing", Command("review", (Category.SECURITY, Category.INDEXING))),
        ("/review api-design bogus", Command("review", (Category.API_DESIGN,), unknown=("bogus",))),
        ("/bastion help", Command("help")),
        ("/bastion", Command("help")),
        (
            "Thanks!\n\n/ask why is this index needed?",
            Command("ask", question="why is this index needed?"),
        ),
        ("/ask\nmulti\nline", Command("ask", question="multi\nline")),
        ("@bastion-app review security", Command("review", (Category.SECURITY,))),
        ("@bastion-app[bot] review", Command("review")),
    ],
)
def test_parse_commands(body: str, expected: Command) -> None:
    assert parse_command(body, "bastion-app") == expected


@pytest.mark.parametrize(
    "body",
    [
        "please /review this",  # not at the start of a line
        "> /review\nquoted from someone else",
        "```\n/review\n```",
        "@someone-else review",
        "LGTM",
        "",
    ],
)
def test_not_commands(body: str) -> None:
    assert parse_command(body, "bastion-app") is None


def test_ignored_authors() -> None:
    assert ignore_reason("dependabot[bot]", "Bot", "/review") == "comment by a bot"
    assert ignore_reason("ci", "Bot", "/review") == "comment by a bot"
    assert ignore_reason("me", "User", "/review", bot_login="me") == "comment by Bastion itself"
    assert ignore_reason("me", "User", "help <!-- bastion:reply to=1 -->") is not None
    assert ignore_reason("octocat", "User", "/review") is None


def test_permission_levels() -> None:
    assert permission_allows(permission_level({"permission": "write"}))
    assert permission_allows(permission_level({"permission": "admin"}))
    assert permission_allows(permission_level({"permission": "write", "role_name": "maintain"}))
    assert not permission_allows(permission_level({"permission": "read"}))
    assert not permission_allows(permission_level({"permission": "read", "role_name": "triage"}))
    assert not permission_allows(permission_level({"permission": "write"}), "maintain")


def test_permission_cache_expires() -> None:
    now = [0.0]
    cache = PermissionCache(ttl_s=60, clock=lambda: now[0])
    answers = iter(["write", "read"])
    assert cache.get("a/b", "u", lambda: next(answers)) == "write"
    now[0] = 59
    assert cache.get("a/b", "u", lambda: "never asked") == "write"
    now[0] = 61
    assert cache.get("a/b", "u", lambda: next(answers)) == "read"


# -- command jobs against the fake -------------------------------------------------------


@pytest.fixture(autouse=True)
def fresh_permissions() -> None:
    PERMISSIONS.clear()


def settings_for(fake: FakeGitHub) -> Settings:
    return Settings(
        GITHUB_API_URL=fake.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        ANTHROPIC_API_KEY=None,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
    )


def comment_job(body: str, login: str = "writer", user_type: str = "User") -> ReviewJob:
    """A job as the receiver builds it from an `issue_comment.created` on a PR: the
    octokit example (a plain issue) with `issue.pull_request` added."""
    payload: dict[str, Any] = json.loads(
        (FIXTURES / "issue_comment.created.payload.json").read_text()
    )
    payload["issue"]["pull_request"] = {"url": f"https://api.github.com/repos/{REPO}/pulls/7"}
    payload["comment"].update({"body": body})
    payload["comment"]["user"].update({"login": login, "type": user_type})
    comment = payload["comment"]
    return ReviewJob(
        delivery_id="d-c",
        repo=REPO,
        pr_number=7,
        trigger="command",
        comment=CommentCommand(
            comment_id=comment["id"],
            body=comment["body"],
            author=comment["user"]["login"],
            author_type=comment["user"]["type"],
        ),
    )


@pytest.fixture
def pr(github_fake: FakeGitHub) -> FakeGitHub:
    base, head = typical_files({"app/api/orders.py": (50,)})
    install_pr(github_fake, REPO, 7, base, head, HEAD)
    repo = github_fake.repos[REPO]
    repo.permissions.update({"writer": "write", "reader": "read", "keeper": "maintain"})
    return github_fake


def test_review_command_from_writer_reviews_and_reacts(pr: FakeGitHub, unsafe_rule: str) -> None:
    job = comment_job("/review security")
    outcome = run_job(job, settings_for(pr))
    assert outcome.status == "posted"
    assert [r["content"] for r in pr.reactions] == ["eyes"]
    assert pr.reactions[0]["comment_id"] == job.comment.comment_id
    [review] = pr.successful_reviews(REPO, 7)
    assert f"run=comment-{job.comment.comment_id}" in review["body"]
    # The same command job again (a retry) posts nothing more.
    assert run_job(job, settings_for(pr)).status == "skipped"
    assert len(pr.successful_reviews(REPO, 7)) == 1


def test_command_from_reader_is_refused_quietly(pr: FakeGitHub) -> None:
    outcome = run_job(comment_job("/review", login="reader"), settings_for(pr))
    assert outcome.status == "skipped"
    assert "read" in outcome.message
    assert not pr.reactions and not pr.successful_reviews(REPO, 7)
    assert not pr.issue_comments


def test_command_from_bot_and_from_bastion_itself(pr: FakeGitHub) -> None:
    bot = run_job(comment_job("/review", login="ci-bot[bot]", user_type="Bot"), settings_for(pr))
    self_ = run_job(comment_job("/review", login=BOT_LOGIN, user_type="Bot"), settings_for(pr))
    assert bot.status == self_.status == "skipped"
    assert not pr.requests  # decided before any GitHub call


def test_help_replies_once(pr: FakeGitHub) -> None:
    job = comment_job("/bastion help", login="keeper")
    assert run_job(job, settings_for(pr)).status == "answered"
    assert run_job(job, settings_for(pr)).status == "skipped"
    [reply] = pr.issue_comments[(REPO, 7)]
    assert "/review" in reply["body"] and "/ask" in reply["body"]


def test_ask_without_llm_says_so_and_neutralizes_mentions(pr: FakeGitHub) -> None:
    job = comment_job("/ask is @admin-team OK with <script>x</script> this?")
    assert run_job(job, settings_for(pr)).status == "answered"
    [reply] = pr.issue_comments[(REPO, 7)]
    assert "LLM is not configured" in reply["body"]
    assert "@admin-team" not in reply["body"]
    assert "<script>" not in reply["body"]


def test_permission_lookup_is_cached(pr: FakeGitHub) -> None:
    run_job(comment_job("/bastion help"), settings_for(pr))
    run_job(comment_job("/bastion help"), settings_for(pr))
    assert len(pr.calls("GET", r"/collaborators/writer/permission$")) == 1
