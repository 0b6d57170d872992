"""`run_job` for pull_request events, PyGithub against the GitHub fake over HTTP."""

from __future__ import annotations

import re
from typing import Any

import pytest
from github_fake import (  # noqa: F401  (fixtures)
    DEFAULT_TOKEN,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
    make_diff,
    python_module,
    typical_files,
    unsafe_rule_fixture,
)

from bot.github.errors import TransientGitHubError
from bot.github.job import run_job
from bot.jobs import ReviewJob
from bot.settings import Settings

REPO = "acme/shop"
HEAD = "a" * 40
HEAD2 = "c" * 40
FP = re.compile(r"<!-- bastion:fp=([0-9a-f]+) -->")


def settings_for(fake: FakeGitHub) -> Settings:
    return Settings(
        GITHUB_API_URL=fake.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        ANTHROPIC_API_KEY=None,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
    )


def job(trigger: str = "opened", head: str = HEAD, number: int = 7) -> ReviewJob:
    return ReviewJob(delivery_id="d-1", repo=REPO, pr_number=number, head_sha=head, trigger=trigger)


def typical(fake: FakeGitHub, unsafe: dict[str, tuple[int, ...]] | None = None, **kw: Any) -> Any:
    base, head = typical_files(unsafe)
    return install_pr(fake, REPO, 7, base, head, HEAD, **kw)


def posted(fake: FakeGitHub, number: int = 7) -> list[dict[str, Any]]:
    return fake.successful_reviews(REPO, number)


def test_review_lands_with_inline_comments_and_markers(github_fake, unsafe_rule) -> None:
    typical(github_fake, {"app/api/orders.py": (50,), "app/services/billing.py": (10, 20)})
    outcome = run_job(job(), settings_for(github_fake))

    assert outcome.status == "posted"
    [review] = posted(github_fake)
    assert review["commit_id"] == HEAD
    assert review["event"] == "COMMENT"
    assert f"<!-- bastion:review head={HEAD} run=auto -->" in review["body"]
    comments = github_fake.review_comments[(REPO, 7)]
    placed = sorted((c["path"], c["line"], c["side"]) for c in comments)
    assert placed == [
        ("app/api/orders.py", 50, "RIGHT"),
        ("app/services/billing.py", 10, "RIGHT"),
        ("app/services/billing.py", 20, "RIGHT"),
    ]
    for comment in comments:
        assert FP.search(comment["body"])
        assert "```suggestion\n" in comment["body"]
        # The rule text pings @octocat and carries HTML: neither survives.
        assert "@octocat" not in comment["body"]
        assert "<b>" not in comment["body"]
    assert outcome.findings_posted == {"security": 3}
    assert "web/src/App.tsx" in review["body"] and "docs/api.md" in review["body"]


def test_same_job_twice_posts_one_review(github_fake, unsafe_rule) -> None:
    typical(github_fake, {"app/api/orders.py": (50,)})
    settings = settings_for(github_fake)
    first = run_job(job(), settings)
    second = run_job(job(), settings)
    assert first.status == "posted"
    assert second.status == "skipped"
    assert len(posted(github_fake)) == 1
    assert len(github_fake.review_comments[(REPO, 7)]) == 1


def test_synchronize_posts_only_the_new_problem(github_fake, unsafe_rule) -> None:
    base, head1 = typical_files({"app/api/orders.py": (50,)})
    install_pr(github_fake, REPO, 7, base, head1, HEAD)
    settings = settings_for(github_fake)
    run_job(job(), settings)

    _, head2 = typical_files({"app/api/orders.py": (50,), "app/models.py": (30,)})
    head2["app/api/orders.py"] = "# moved down\n" + head2["app/api/orders.py"]
    install_pr(github_fake, REPO, 7, base, head2, HEAD2)
    repo = github_fake.repos[REPO]
    repo.compares[(HEAD, HEAD2)] = ("ahead", make_diff(head1, head2))

    outcome = run_job(job("synchronize", HEAD2), settings)

    assert outcome.status == "posted"
    first, second = posted(github_fake)
    new_comments = [
        c
        for c in github_fake.review_comments[(REPO, 7)]
        if c["pull_request_review_id"] == second["id"]
    ]
    assert [(c["path"], c["line"]) for c in new_comments] == [("app/models.py", 30)]
    assert f"head={HEAD2}" in second["body"]
    assert github_fake.calls("GET", rf"/compare/{HEAD}\.\.\.{HEAD2}$")


def test_force_push_falls_back_to_whole_pr_without_repeats(github_fake, unsafe_rule) -> None:
    base, head1 = typical_files({"app/api/orders.py": (50,)})
    install_pr(github_fake, REPO, 7, base, head1, HEAD)
    settings = settings_for(github_fake)
    run_job(job(), settings)
    _, head2 = typical_files({"app/api/orders.py": (50,), "app/routes/health.py": (5,)})
    install_pr(github_fake, REPO, 7, base, head2, HEAD2)
    github_fake.repos[REPO].compares[(HEAD, HEAD2)] = ("diverged", make_diff(head1, head2))

    run_job(job("synchronize", HEAD2), settings)

    second = posted(github_fake)[1]
    new_comments = [
        c
        for c in github_fake.review_comments[(REPO, 7)]
        if c["pull_request_review_id"] == second["id"]
    ]
    assert [(c["path"], c["line"]) for c in new_comments] == [("app/routes/health.py", 5)]
    assert "no longer part of this branch" in second["body"]


def test_422_moves_offending_comment_to_summary_and_posts_once(github_fake, unsafe_rule) -> None:
    base, head = typical_files({"app/api/orders.py": (50,), "app/services/billing.py": (10,)})
    pr = install_pr(github_fake, REPO, 7, base, head, HEAD)
    # GitHub's own view lacks billing.py (a push landed between our fetch and post).
    github_view = dict(head)
    github_view.pop("app/services/billing.py")
    pr.github_diff = make_diff(base, github_view)

    outcome = run_job(job(), settings_for(github_fake))

    assert outcome.status == "posted"
    creates = github_fake.calls("POST", r"/pulls/7/reviews$")
    assert [c.status for c in creates] == [422, 200]
    [review] = posted(github_fake)
    comments = github_fake.review_comments[(REPO, 7)]
    assert [(c["path"], c["line"]) for c in comments] == [("app/api/orders.py", 50)]
    assert "app/services/billing.py" in review["body"]
    assert "GitHub would not place this comment" in review["body"]


def test_406_too_large_falls_back_to_file_list(github_fake, unsafe_rule) -> None:
    typical(github_fake, {"app/models.py": (12,)}, too_large=True)
    outcome = run_job(job(), settings_for(github_fake))
    assert outcome.status == "posted"
    assert github_fake.calls("GET", r"/pulls/7/files$")
    [review] = posted(github_fake)
    assert "too large" in review["body"]
    comments = github_fake.review_comments[(REPO, 7)]
    assert [(c["path"], c["line"]) for c in comments] == [("app/models.py", 12)]


def test_secondary_rate_limit_is_transient_with_github_delay(github_fake) -> None:
    typical(github_fake)
    github_fake.rate_limit_next("GET", r"/pulls/7$", retry_after=37)
    with pytest.raises(TransientGitHubError) as caught:
        run_job(job(), settings_for(github_fake))
    assert caught.value.retry_after_seconds == 37
    assert DEFAULT_TOKEN not in str(caught.value)


def test_server_error_is_transient(github_fake) -> None:
    typical(github_fake)
    github_fake.script("GET", r"/contents/", 502, {"message": "Bad Gateway"})
    with pytest.raises(TransientGitHubError) as caught:
        run_job(job(), settings_for(github_fake))
    assert "502" in str(caught.value)
    assert caught.value.retry_after_seconds > 0


def test_config_comes_from_base_branch(github_fake) -> None:
    base, head = typical_files()
    base[".github/bastion.yml"] = "auto_review:\n  enabled: false\n"
    head[".github/bastion.yml"] = "max_comments: 25\n"
    install_pr(github_fake, REPO, 7, base, head, HEAD)
    outcome = run_job(job(), settings_for(github_fake))
    assert outcome.status == "skipped"
    assert not posted(github_fake)


def test_head_branch_cannot_turn_off_its_review(github_fake) -> None:
    base, head = typical_files()
    head[".github/bastion.yml"] = "auto_review:\n  enabled: false\n"
    install_pr(github_fake, REPO, 7, base, head, HEAD)
    outcome = run_job(job(), settings_for(github_fake))
    assert outcome.status == "posted"
    config_reads = github_fake.calls("GET", r"/contents/\.github/bastion\.yml$")
    # Read from the base branch to decide; the head's copy is only reviewed as a changed file.
    assert config_reads[0].query.get("ref") == "main"


def test_bad_config_gets_one_comment_naming_the_key(github_fake) -> None:
    base, head = typical_files()
    base[".github/bastion.yml"] = "max_coments: 5\n"
    install_pr(github_fake, REPO, 7, base, head, HEAD)
    settings = settings_for(github_fake)
    assert run_job(job(), settings).status == "posted"
    _, head2 = typical_files({"app/models.py": (3,)})
    install_pr(github_fake, REPO, 7, base, head2, HEAD2)
    run_job(job("synchronize", HEAD2), settings)

    comments = github_fake.issue_comments[(REPO, 7)]
    assert len(comments) == 1
    assert "max_coments" in comments[0]["body"]
    assert len(posted(github_fake)) == 2


def test_check_run_annotations_batched_by_50(github_fake, unsafe_rule) -> None:
    lines = tuple(range(2, 121, 2))  # 60 findings in one file
    base, head = typical_files()
    head["app/services/billing.py"] = python_module("billing", 125, lines)
    base[".github/bastion.yml"] = "max_comments: 10\n"
    install_pr(github_fake, REPO, 7, base, head, HEAD)

    outcome = run_job(job(), settings_for(github_fake))

    run = github_fake.check_runs[outcome.check_run_id]
    assert run["name"] == "bastion" and run["head_sha"] == HEAD
    assert len(run["annotations"]) == 60
    patches = github_fake.calls("PATCH", r"/check-runs/")
    assert [len(p.json["output"]["annotations"]) for p in patches] == [50, 10]
    assert run["status"] == "completed" and run["conclusion"] == "failure"
    assert len(github_fake.review_comments[(REPO, 7)]) == 10
    assert "max_comments" in posted(github_fake)[0]["body"]


def test_check_run_forbidden_does_not_fail_review(github_fake) -> None:
    typical(github_fake)
    github_fake.check_runs_forbidden = True
    outcome = run_job(job(), settings_for(github_fake))
    assert outcome.status == "posted"
    assert outcome.check_run_id is None


def test_closed_draft_and_stale_head(github_fake) -> None:
    pr = typical(github_fake)
    settings = settings_for(github_fake)
    assert run_job(job(head="f" * 40), settings).status == "superseded"
    pr.draft = True
    assert run_job(job(), settings).status == "skipped"
    pr.draft, pr.state = False, "closed"
    assert run_job(job(), settings).status == "skipped"
    assert not posted(github_fake)


def test_request_changes_when_configured(github_fake, unsafe_rule) -> None:
    base, head = typical_files({"app/models.py": (3,)})
    base[".github/bastion.yml"] = "review_event: request_changes\n"
    install_pr(github_fake, REPO, 7, base, head, HEAD)
    run_job(job(), settings_for(github_fake))
    assert posted(github_fake)[0]["event"] == "REQUEST_CHANGES"


def test_typical_pr_takes_at_most_20_calls(github_fake, unsafe_rule) -> None:
    typical(github_fake, {"app/api/orders.py": (50,)})
    outcome = run_job(job(), settings_for(github_fake))
    assert outcome.status == "posted"
    assert len(github_fake.requests) <= 20
    assert outcome.api_calls == len(github_fake.requests)
    fetched = {r.path for r in github_fake.calls("GET", r"/contents/app/")}
    assert not any("web/" in p or "docs/" in p for p in fetched)
