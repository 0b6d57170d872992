"""The feedback loop end to end through the GitHub fake (REST + GraphQL over HTTP):
threads of fixed findings resolved, 👍/👎 stored per rule, rules muted after
`learn.mute_after` rejections, and nothing done twice when a job runs again."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from github_fake import (  # noqa: F401  (fixtures)
    BOT_LOGIN,
    DEFAULT_TOKEN,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
    make_diff,
    typical_files,
    unsafe_rule_fixture,
)

from bot.feedback import RuleStats
from bot.github.client import GitHubClient
from bot.github.job import run_job
from bot.jobs import ReviewJob
from bot.server.feedback_store import SqliteFeedback
from bot.settings import Settings

REPO = "acme/shop"
HEAD = "a" * 40
HEAD2 = "c" * 40
HEAD3 = "d" * 40
RULE = "test-unsafe-call"


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


def comment_on(fake: FakeGitHub, path: str, number: int = 7) -> dict[str, Any]:
    return next(
        c
        for c in fake.review_comments[(REPO, number)]
        if c["path"] == path and c.get("in_reply_to_id") is None
    )


def replies(fake: FakeGitHub, comment_id: int, number: int = 7) -> list[dict[str, Any]]:
    return [
        c for c in fake.review_comments[(REPO, number)] if c.get("in_reply_to_id") == comment_id
    ]


def stats_for(store: SqliteFeedback, rule: str = RULE) -> RuleStats:
    found = [s for s in store.stats(REPO) if s.rule == rule]
    return found[0] if found else RuleStats(REPO, rule)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    feedback = SqliteFeedback(tmp_path / "ledger.db")
    yield feedback
    feedback.close()


def two_findings_then_fix(fake: FakeGitHub) -> tuple[dict[str, str], dict[str, str]]:
    """PR #7 at HEAD flags orders.py:50 and models.py:30; HEAD2 fixes orders.py only."""
    base, head1 = typical_files({"app/api/orders.py": (50,), "app/models.py": (30,)})
    install_pr(fake, REPO, 7, base, head1, HEAD)
    _, head2 = typical_files({"app/models.py": (30,)})
    return head1, head2


def push(fake: FakeGitHub, old: dict[str, str], new: dict[str, str], old_sha: str, sha: str):
    base, _ = typical_files()
    install_pr(fake, REPO, 7, base, new, sha)
    fake.repos[REPO].compares[(old_sha, sha)] = ("ahead", make_diff(old, new))


def test_a_push_that_fixes_a_finding_resolves_its_thread_once(
    github_fake: FakeGitHub, unsafe_rule: str, store: SqliteFeedback
) -> None:
    settings = settings_for(github_fake)
    head1, head2 = two_findings_then_fix(github_fake)
    assert run_job(job(), settings, feedback=store).status == "posted"
    orders = comment_on(github_fake, "app/api/orders.py")
    models = comment_on(github_fake, "app/models.py")
    assert f"<!-- bastion:rule={RULE} -->" in orders["body"]

    push(github_fake, head1, head2, HEAD, HEAD2)
    outcome = run_job(job("synchronize", HEAD2), settings, feedback=store)

    assert outcome.status == "posted" and outcome.threads_resolved == 1
    fixed_thread = github_fake.thread_state[github_fake.thread_of(orders["id"])]
    assert fixed_thread == {"resolved": True, "resolved_by": BOT_LOGIN}
    (reply,) = replies(github_fake, orders["id"])
    assert reply["body"].startswith(f"Resolved by {HEAD2[:7]}")
    # The finding still there keeps its thread open and is not posted again.
    assert not github_fake.thread_state.get(github_fake.thread_of(models["id"]), {}).get("resolved")
    assert [c["path"] for c in github_fake.review_comments[(REPO, 7)]].count("app/models.py") == 1
    assert stats_for(store).n("fixed") == 1
    # Reply and resolve went out in one GraphQL call.
    mutations = [
        r for r in github_fake.calls("POST", r"/graphql$") if "mutation" in r.json["query"]
    ]
    assert len(mutations) == 1

    # The same push delivered again (or the job replayed after a crash): nothing twice.
    rerun = run_job(job("synchronize", HEAD2), settings, feedback=store)
    assert rerun.status == "skipped"
    assert len(replies(github_fake, orders["id"])) == 1
    assert stats_for(store).n("fixed") == 1


def test_a_reply_that_landed_before_a_crash_is_not_repeated(
    github_fake: FakeGitHub, unsafe_rule: str, store: SqliteFeedback
) -> None:
    settings = settings_for(github_fake)
    head1, head2 = two_findings_then_fix(github_fake)
    run_job(job(), settings, feedback=store)
    orders = comment_on(github_fake, "app/api/orders.py")
    thread = github_fake.thread_of(orders["id"])
    # A previous attempt posted its reply, then died before resolving.
    github_fake.add_reply(
        thread, BOT_LOGIN, f"Resolved by {HEAD2[:7]}.\n\n<!-- bastion:fixed={HEAD2} -->"
    )
    push(github_fake, head1, head2, HEAD, HEAD2)

    run_job(job("synchronize", HEAD2), settings, feedback=store)

    assert github_fake.thread_state[thread]["resolved"] is True
    assert len(replies(github_fake, orders["id"])) == 1


def test_a_thread_a_person_resolved_is_left_alone(
    github_fake: FakeGitHub, unsafe_rule: str, store: SqliteFeedback
) -> None:
    settings = settings_for(github_fake)
    head1, head2 = two_findings_then_fix(github_fake)
    run_job(job(), settings, feedback=store)
    orders = comment_on(github_fake, "app/api/orders.py")
    models = comment_on(github_fake, "app/models.py")
    github_fake.set_resolved(github_fake.thread_of(orders["id"]), "alice")
    github_fake.set_resolved(github_fake.thread_of(models["id"]), "alice")
    push(github_fake, head1, head2, HEAD, HEAD2)

    run_job(job("synchronize", HEAD2), settings, feedback=store)

    # Not re-resolved, not answered; the finding still there is neither reopened nor reposted.
    assert github_fake.thread_state[github_fake.thread_of(orders["id"])]["resolved_by"] == "alice"
    assert replies(github_fake, orders["id"]) == []
    assert github_fake.thread_state[github_fake.thread_of(models["id"])]["resolved"] is True
    assert [c["path"] for c in github_fake.review_comments[(REPO, 7)]].count("app/models.py") == 1


def test_thumbs_and_replies_are_stored_per_rule_and_follow_the_thread(
    github_fake: FakeGitHub, unsafe_rule: str, store: SqliteFeedback
) -> None:
    settings = settings_for(github_fake)
    head1, head2 = two_findings_then_fix(github_fake)
    run_job(job(), settings, feedback=store)
    models = comment_on(github_fake, "app/models.py")
    github_fake.react_review_comment(models["id"], "alice", "THUMBS_DOWN")
    github_fake.react_review_comment(models["id"], "bob", "THUMBS_UP")
    github_fake.react_review_comment(models["id"], "carol", "HEART")
    github_fake.add_reply(github_fake.thread_of(models["id"]), "alice", "This input is trusted.")
    push(github_fake, head1, head2, HEAD, HEAD2)

    run_job(job("synchronize", HEAD2), settings, feedback=store)
    first = stats_for(store)
    assert (first.n("rejected"), first.n("accepted"), first.n("replied")) == (1, 1, 1)

    # Read again (the next push): the same reactions count once; a reaction taken back
    # stops counting.
    github_fake.review_reactions[models["id"]].remove(("THUMBS_UP", "bob"))
    head3 = dict(head2)
    head3["app/services/billing.py"] += "# touched\n"
    push(github_fake, head2, head3, HEAD2, HEAD3)
    run_job(job("synchronize", HEAD3), settings, feedback=store)
    again = stats_for(store)
    assert (again.n("rejected"), again.n("accepted"), again.n("replied")) == (1, 0, 1)
    assert again.precision == pytest.approx(0.5)  # one fixed, one rejected


def test_a_rule_rejected_mute_after_times_goes_to_the_summary(
    github_fake: FakeGitHub, unsafe_rule: str, store: SqliteFeedback
) -> None:
    settings = settings_for(github_fake)
    head1, head2 = two_findings_then_fix(github_fake)
    run_job(job(), settings, feedback=store)
    models = comment_on(github_fake, "app/models.py")
    for user in ("alice", "bob"):
        github_fake.react_review_comment(models["id"], user, "THUMBS_DOWN")
    push(github_fake, head1, head2, HEAD, HEAD2)
    run_job(job("synchronize", HEAD2), settings, feedback=store)
    assert stats_for(store).rejections == 2

    # Another PR in the same repository: the rule is reported in the summary only.
    base, head = typical_files({"app/handlers/users.py": (20,)})
    install_pr(github_fake, REPO, 8, base, head, "e" * 40)
    github_fake.repos[REPO].put("main", ".github/bastion.yml", "learn:\n  mute_after: 2\n")
    outcome = run_job(job(head="e" * 40, number=8), settings, feedback=store)

    assert outcome.status == "posted" and outcome.muted_rules == [RULE]
    assert github_fake.review_comments.get((REPO, 8), []) == []
    (review,) = github_fake.successful_reviews(REPO, 8)
    assert f"Rule `{RULE}` is listed here instead of inline" in review["body"]
    assert "app/handlers/users.py" in review["body"]
    assert "set `learn.mute_after` above 2 (or to 0" in review["body"]

    # The hint is right: with `learn.mute_after` above 2 the rule is inline again.
    base, head = typical_files({"app/handlers/users.py": (20,)})
    install_pr(github_fake, REPO, 9, base, head, "f" * 40)
    github_fake.repos[REPO].put("main", ".github/bastion.yml", "learn:\n  mute_after: 3\n")
    outcome = run_job(job(head="f" * 40, number=9), settings, feedback=store)
    assert outcome.muted_rules == [] and len(github_fake.review_comments[(REPO, 9)]) == 1


def test_without_graphql_the_review_goes_on_from_rest(
    github_fake: FakeGitHub, unsafe_rule: str, store: SqliteFeedback
) -> None:
    settings = settings_for(github_fake)
    head1, head2 = two_findings_then_fix(github_fake)
    run_job(job(), settings, feedback=store)
    github_fake.script("POST", r"/graphql$", 404, {"message": "Not Found"}, times=5)
    push(github_fake, head1, head2, HEAD, HEAD2)

    outcome = run_job(job("synchronize", HEAD2), settings, feedback=store)

    assert outcome.status == "posted" and outcome.threads_resolved == 0
    assert github_fake.calls("GET", r"/pulls/7/comments$")  # fingerprints from REST
    assert [c["path"] for c in github_fake.review_comments[(REPO, 7)]].count("app/models.py") == 1


# -- the fake is strict, like GitHub where it matters ------------------------------


def client_for(fake: FakeGitHub, api_path: str = "") -> GitHubClient:
    settings = Settings(GITHUB_API_URL=fake.url + api_path, GITHUB_TOKEN=DEFAULT_TOKEN)
    return GitHubClient(DEFAULT_TOKEN, settings, REPO)


RESOLVE = "mutation($t: ID!) { resolveReviewThread(input: {threadId: $t}) { thread { id } } }"


def test_fake_graphql_refuses_unknown_ids_other_peoples_threads_and_unknown_fields(
    github_fake: FakeGitHub, unsafe_rule: str
) -> None:
    settings = settings_for(github_fake)
    two_findings_then_fix(github_fake)
    run_job(job(), settings)
    orders = comment_on(github_fake, "app/api/orders.py")
    human = github_fake.add_reply(github_fake.thread_of(orders["id"]), "alice", "hm")
    # A thread a person started (their comment is the first of the thread).
    human["in_reply_to_id"] = None
    client = client_for(github_fake)

    _, errors = client.graphql(RESOLVE, {"t": "PRRT_999999"})
    assert errors and errors[0]["type"] == "NOT_FOUND"
    _, errors = client.graphql(RESOLVE, {"t": f"PRRT_{human['id']}"})
    assert errors and errors[0]["type"] == "FORBIDDEN"
    _, errors = client.graphql('{ repository(owner: "acme", name: "shop") { stars } }', {})
    assert errors and "stars" in errors[0]["message"]
    # GitHub Enterprise's endpoint: `/api/v3` for REST, `/api/graphql` for GraphQL.
    data, errors = client_for(github_fake, "/api/v3").graphql(
        RESOLVE, {"t": github_fake.thread_of(orders["id"])}
    )
    assert not errors and data["resolveReviewThread"]["thread"]["id"]
    assert github_fake.calls("POST", r"^/api/graphql$")
    assert re.search("resolved", str(github_fake.thread_state))


def test_closing_a_pr_reads_its_feedback_one_last_time(
    github_fake: FakeGitHub, unsafe_rule: str, store: SqliteFeedback
) -> None:
    settings = settings_for(github_fake)
    two_findings_then_fix(github_fake)
    run_job(job(), settings, feedback=store)
    models = comment_on(github_fake, "app/models.py")
    github_fake.react_review_comment(models["id"], "alice", "THUMBS_DOWN")
    github_fake.repos[REPO].prs[7].state = "closed"
    before = len(github_fake.requests)

    outcome = run_job(job("closed"), settings, feedback=store)
    again = run_job(job("closed"), settings, feedback=store)

    assert outcome.status == again.status == "answered"
    assert stats_for(store).n("rejected") == 1
    assert [r.method for r in github_fake.requests[before:]] == ["GET", "POST"] * 2
    assert len(github_fake.successful_reviews(REPO, 7)) == 1
