"""A team's own rules (`.github/bastion/rules/`) through `run_job`: PyGithub against
the GitHub fake over HTTP, the rule engine in its budgeted child as the worker runs it."""

from __future__ import annotations

from typing import Any

from github_fake import (  # noqa: F401  (fixtures)
    DEFAULT_TOKEN,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
)

from bot.github.job import run_job
from bot.jobs import ReviewJob
from bot.rules.engine import registry
from bot.settings import Settings

REPO = "acme/shop"
HEAD = "a" * 40
HEAD2 = "c" * 40
RULE_PATH = ".github/bastion/rules/no-legacy-billing-client.yml"
RULE = """\
id: no-legacy-billing-client
category: security
severity: high
title: The legacy billing client skips request signing
rationale: The billing service now rejects unsigned charges.
fix: Use `billing.Client`, which signs every request.
check:
  kind: ast-grep
ast-grep:
  python:
    rule:
      pattern: LegacyBillingClient($$$ARGS)
"""
CODE = (
    "import requests\n"
    "from billing import LegacyBillingClient\n"
    "\n"
    "\n"
    "def charge(key, url):\n"
    "    client = LegacyBillingClient(key)\n"
    "    return requests.get(url), client\n"
)
CODE_PATH = "app/pay.py"


def settings_for(fake: FakeGitHub) -> Settings:
    return Settings(
        GITHUB_API_URL=fake.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        ANTHROPIC_API_KEY=None,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
    )


def job(repo: str = REPO, head: str = HEAD, trigger: str = "opened") -> ReviewJob:
    return ReviewJob(delivery_id="d-1", repo=repo, pr_number=7, head_sha=head, trigger=trigger)


def install(
    fake: FakeGitHub,
    base_extra: dict[str, str],
    head_extra: dict[str, str] | None = None,
    repo: str = REPO,
    head_sha: str = HEAD,
    code: str = CODE,
) -> None:
    base = {"app/__init__.py": "", **base_extra}
    head = {**base, CODE_PATH: code, **(head_extra or {})}
    install_pr(fake, repo, 7, base, head, head_sha)


def inline(fake: FakeGitHub, repo: str = REPO) -> set[tuple[str, str, int]]:
    """(rule, path, line) of every inline comment posted on the PR."""
    out = set()
    for comment in fake.review_comments.get((repo, 7), []):
        rule = _rule_of(comment["body"])
        out.add((rule, comment["path"], comment["line"]))
    return out


def _rule_of(body: str) -> str:
    for name in ("no-legacy-billing-client", "http-request-no-timeout"):
        if name in body:
            return name
    return "?"


def comments(fake: FakeGitHub, repo: str = REPO) -> list[dict[str, Any]]:
    return fake.issue_comments.get((repo, 7), [])


def test_a_team_rule_on_the_base_branch_gets_an_inline_comment(github_fake) -> None:
    install(github_fake, {RULE_PATH: RULE})

    assert run_job(job(), settings_for(github_fake)).status == "posted"

    assert ("no-legacy-billing-client", CODE_PATH, 6) in inline(github_fake)
    assert ("http-request-no-timeout", CODE_PATH, 7) in inline(github_fake)
    assert comments(github_fake) == []  # nothing wrong with the rule: no PR comment
    body = next(
        c["body"] for c in github_fake.review_comments[(REPO, 7)] if "billing.Client" in c["body"]
    )
    assert "rejects unsigned charges" in body
    # Read from the base branch: one listing of .github/bastion, one of the rules
    # folder, one read of the rule file, all at the base.
    reads = github_fake.calls("GET", r"/contents/\.github/bastion(/|$)")
    assert [c.path.split("/contents/", 1)[1] for c in reads] == [
        ".github/bastion",
        ".github/bastion/rules",
        RULE_PATH,
    ]
    assert {c.query.get("ref") for c in reads} == {"main"}


def test_a_malformed_team_rule_is_one_pr_comment_and_the_built_in_rules_still_post(
    github_fake,
) -> None:
    bad = RULE.replace("severity: high", "severity: urgent")
    extra = RULE.replace("no-legacy-billing-client", "ssrf")  # a built-in rule's id
    install(
        github_fake,
        {RULE_PATH: bad, ".github/bastion/rules/ssrf.yml": extra},
    )
    settings = settings_for(github_fake)
    assert run_job(job(), settings).status == "posted"
    # A rerun on a new push: the same problems are not posted again.
    install(github_fake, {RULE_PATH: bad, ".github/bastion/rules/ssrf.yml": extra}, head_sha=HEAD2)
    assert run_job(job(head=HEAD2, trigger="synchronize"), settings).status == "posted"

    [comment] = comments(github_fake)
    body = comment["body"]
    assert f"{RULE_PATH}: key 'severity'" in body
    assert ".github/bastion/rules/ssrf.yml: key 'id': rule id 'ssrf' is already used" in body
    assert "<!-- bastion:team-rules-error=" in body
    found = inline(github_fake)
    assert ("http-request-no-timeout", CODE_PATH, 7) in found
    assert not any(rule == "no-legacy-billing-client" for rule, _, _ in found)


def test_a_team_rule_added_on_the_head_branch_only_is_not_used(github_fake) -> None:
    install(github_fake, {}, head_extra={RULE_PATH: RULE})

    assert run_job(job(), settings_for(github_fake)).status == "posted"

    found = inline(github_fake)
    assert ("http-request-no-timeout", CODE_PATH, 7) in found
    assert not any(rule == "no-legacy-billing-client" for rule, _, _ in found)
    assert comments(github_fake) == []
    # A PR without a rules folder on its base pays one listing there, and no more (the
    # head's copy is read, at the head, only as a changed file under review).
    reads = github_fake.calls("GET", r"/contents/\.github/bastion(/|$)")
    at_base = [c.path.split("/contents/", 1)[1] for c in reads if c.query.get("ref") == "main"]
    assert at_base == [".github/bastion"]
    assert {c.query.get("ref") for c in reads} == {"main", HEAD}


def test_two_repositories_in_one_process_do_not_see_each_other_s_rules(github_fake) -> None:
    other = "acme/ledger"
    install(github_fake, {RULE_PATH: RULE})
    install(github_fake, {}, repo=other)
    settings = settings_for(github_fake)

    assert run_job(job(), settings).status == "posted"
    assert run_job(job(repo=other), settings).status == "posted"
    assert run_job(job(repo=REPO, trigger="synchronize"), settings).status in ("posted", "skipped")

    assert ("no-legacy-billing-client", CODE_PATH, 6) in inline(github_fake)
    theirs = inline(github_fake, other)
    assert ("http-request-no-timeout", CODE_PATH, 7) in theirs
    assert not any(rule == "no-legacy-billing-client" for rule, _, _ in theirs)
    # Nor does the process-wide registry keep the rule after the review.
    assert "no-legacy-billing-client" not in registry().names()
