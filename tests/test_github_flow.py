"""The review flow's hard cases, PyGithub against the GitHub fake over HTTP: the merge
gate when a review lands behind a 502, GitHub errors that must not be retried, bot
authors, and comment commands that must cost nothing before the permission check."""

from __future__ import annotations

from typing import Any

import pytest
from github_fake import (  # noqa: F401  (fixtures)
    DEFAULT_TOKEN,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
    typical_files,
    unsafe_rule_fixture,
)

from bot.github.commands import PERMISSIONS
from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.github.job import run_job
from bot.jobs import CommentCommand, ReviewJob
from bot.settings import Settings

REPO = "acme/shop"
HEAD = "a" * 40


def settings_for(fake: FakeGitHub, token: str = DEFAULT_TOKEN) -> Settings:
    return Settings(
        GITHUB_API_URL=fake.url,
        GITHUB_TOKEN=token,
        ANTHROPIC_API_KEY=None,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
    )


def job(trigger: str = "opened", **changes: Any) -> ReviewJob:
    fields: dict[str, Any] = {
        "delivery_id": "d-1",
        "repo": REPO,
        "pr_number": 7,
        "head_sha": HEAD,
        "trigger": trigger,
    }
    fields.update(changes)
    return ReviewJob(**fields)


def typical(fake: FakeGitHub, unsafe: dict[str, tuple[int, ...]] | None = None, **kw: Any) -> Any:
    base, head = typical_files(unsafe)
    return install_pr(fake, REPO, 7, base, head, HEAD, **kw)


def latest_check(fake: FakeGitHub) -> dict[str, Any]:
    runs = [r for r in fake.check_runs.values() if r["head_sha"] == HEAD]
    return max(runs, key=lambda r: r["id"])


# -- the merge gate --------------------------------------------------------------------


def test_review_that_lands_behind_a_502_leaves_a_failing_check(github_fake, unsafe_rule) -> None:
    typical(github_fake, {"app/api/orders.py": (50,)})
    github_fake.script("POST", r"/pulls/7/reviews$", 502, {"message": "Bad Gateway"}, after=True)
    settings = settings_for(github_fake)

    with pytest.raises(TransientGitHubError):
        run_job(job(), settings)
    retry = run_job(job(), settings)

    assert retry.status == "skipped"  # the review is there: nothing posted twice
    assert len(github_fake.successful_reviews(REPO, 7)) == 1
    check = latest_check(github_fake)
    assert check["status"] == "completed"
    assert check["conclusion"] == "failure"  # fail_on: high, and the finding is high
    assert not [r for r in github_fake.check_runs.values() if r.get("conclusion") == "neutral"]


def test_transient_failure_before_the_verdict_keeps_the_check_pending(github_fake) -> None:
    typical(github_fake)
    github_fake.script("GET", r"/contents/app/", 502, {"message": "Bad Gateway"})
    with pytest.raises(TransientGitHubError):
        run_job(job(), settings_for(github_fake))
    [check] = github_fake.check_runs.values()
    assert check["status"] == "in_progress"  # pending blocks a merge; neutral would pass


def test_permanent_failure_ends_the_check_neutral_with_the_reason(github_fake) -> None:
    pr = typical(github_fake)
    pr.diff = "diff --git a/x b/x\n@@ this is not a hunk header\n"
    with pytest.raises(PermanentJobError):
        run_job(job(), settings_for(github_fake))
    [check] = github_fake.check_runs.values()
    assert check["conclusion"] == "neutral"
    assert "does not parse" in check["output"]["summary"]


# -- GitHub errors --------------------------------------------------------------------------


def test_bad_token_in_token_mode_is_permanent_even_for_an_app_delivery(github_fake) -> None:
    typical(github_fake)
    settings = settings_for(github_fake, token="ghp_revoked_token")
    # Deliveries from an App carry an installation id; this server has no App key.
    with pytest.raises(PermanentJobError) as caught:
        run_job(job(installation_id=99), settings)
    assert "401" in str(caught.value) and "GITHUB_TOKEN" in str(caught.value)
    assert "ghp_revoked_token" not in str(caught.value)


def test_missing_pr_is_permanent(github_fake) -> None:
    typical(github_fake)
    with pytest.raises(PermanentJobError) as caught:
        run_job(job(pr_number=99), settings_for(github_fake))
    assert "404" in str(caught.value)


# -- bots ----------------------------------------------------------------------------------


def test_pr_opened_by_a_bot_is_reviewed_by_default(github_fake) -> None:
    typical(github_fake, author="dependabot[bot]", author_type="Bot")
    outcome = run_job(job(), settings_for(github_fake))
    assert outcome.status == "posted"


def test_auto_review_bots_off_skips_bot_prs_but_not_commands(github_fake) -> None:
    base, head = typical_files()
    base[".github/bastion.yml"] = "auto_review:\n  bots: false\n"
    install_pr(github_fake, REPO, 7, base, head, HEAD, author="renovate[bot]", author_type="Bot")
    github_fake.repos[REPO].permissions["alice"] = "write"
    settings = settings_for(github_fake)

    skipped = run_job(job(), settings)
    assert skipped.status == "skipped" and "auto_review.bots" in skipped.message
    assert not github_fake.successful_reviews(REPO, 7)

    asked = run_job(job("command", head_sha=None, comment=comment("/review", "alice")), settings)
    assert asked.status == "posted"


# -- commands: cheap before costly ----------------------------------------------------------


def comment(body: str, author: str = "mallory", comment_id: int = 555) -> CommentCommand:
    return CommentCommand(comment_id=comment_id, body=body, author=author)


@pytest.fixture
def fresh_permissions() -> Any:
    PERMISSIONS.clear()
    yield
    PERMISSIONS.clear()


def test_huge_comment_from_a_reader_costs_one_permission_lookup(
    github_fake, fresh_permissions
) -> None:
    typical(github_fake)
    github_fake.repos[REPO].permissions["mallory"] = "read"
    body = "\n" * 65_000 + "@bastion-app review"  # once took seconds of regex backtracking
    outcome = run_job(
        job("command", head_sha=None, comment=comment(body)), settings_for(github_fake)
    )
    assert outcome.status == "skipped" and "read permission" in outcome.message
    assert [r.path for r in github_fake.requests] == [
        f"/repos/{REPO}/collaborators/mallory/permission"
    ]


def test_comment_that_is_no_command_costs_no_call(github_fake, fresh_permissions) -> None:
    typical(github_fake)
    github_fake.repos[REPO].permissions["mallory"] = "admin"
    for body in ("x" * 70_000 + "\n/review", "Looks good\n\n" * 5_000):
        outcome = run_job(
            job("command", head_sha=None, comment=comment(body)), settings_for(github_fake)
        )
        assert outcome.status == "skipped"
    assert github_fake.requests == []
