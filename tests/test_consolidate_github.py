"""One problem, one comment, end to end: `run_job` with PyGithub against the GitHub fake
and the reviewer with the anthropic SDK against the Anthropic fake, both over HTTP."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from anthropic_fake import FakeAnthropic, ToolCall, finding_on, numbered_lines, running_fake
from github_fake import (  # noqa: F401  (fixtures)
    DEFAULT_TOKEN,
    FakeGitHub,
    github_fake_fixture,
    install_pr,
    make_diff,
)
from pydantic import SecretStr

from bot.github.job import run_job
from bot.jobs import ReviewJob
from bot.settings import Settings

REPO = "acme/shop"
HEAD = "a" * 40
HEAD2 = "c" * 40
SERVICE = "app/services/orders.py"
BASE = {SERVICE: "import db\n"}
HEAD_FILES = {
    SERVICE: """import db


def search_orders(request):
    email = request.args["email"]
    status = request.args["status"]
    sql = (
        f"SELECT id, total FROM orders WHERE email = '{email}' "
        f"AND status = '{status}'"
    )
    cursor = db.connection.cursor()
    cursor.execute(sql + " ORDER BY id")
    return cursor.fetchall()
"""
}
EXECUTE = 12  # the sink of the flow from the search form
AGENT_SQL_TITLE = "Order search runs SQL built from the search form"
AGENT_SQL_BODY = "The email and status reach the query text; bind both as parameters instead."
AGENT_LIMIT_TITLE = "Order search returns every matching order at once"
AGENT_LIMIT_BODY = "No LIMIT: a customer with many orders makes this scan and return them all."


@pytest.fixture(scope="module")
def server() -> Iterator[FakeAnthropic]:
    yield from running_fake()


@pytest.fixture
def anthropic(server: FakeAnthropic) -> FakeAnthropic:
    server.reset()
    return server


def settings(github: FakeGitHub, anthropic: FakeAnthropic) -> Settings:
    return Settings(
        GITHUB_API_URL=github.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        ANTHROPIC_API_KEY=SecretStr("sk-ant-test-not-real"),
        ANTHROPIC_BASE_URL=anthropic.url,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
    )


def job(trigger: str = "opened", head: str = HEAD) -> ReviewJob:
    return ReviewJob(delivery_id="d-1", repo=REPO, pr_number=7, head_sha=head, trigger=trigger)


def agent_answer(body: dict[str, Any]) -> dict[str, Any]:
    """The model restates the SQL injection as a new finding (it should have confirmed
    the hint) and finds an unrelated problem on the same line."""
    execute = next(s for s in numbered_lines(body) if "cursor.execute(" in s.text)
    return {
        "findings": [
            finding_on(execute, title=AGENT_SQL_TITLE, body=AGENT_SQL_BODY, cwe=89),
            finding_on(
                execute,
                category="indexing",
                severity="medium",
                title=AGENT_LIMIT_TITLE,
                body=AGENT_LIMIT_BODY,
            ),
        ]
    }


def comments_of(github: FakeGitHub, review: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        c for c in github.review_comments[(REPO, 7)] if c["pull_request_review_id"] == review["id"]
    ]


def test_one_problem_is_one_comment_and_is_not_posted_again_after_a_push(
    github_fake: FakeGitHub, anthropic: FakeAnthropic
) -> None:
    anthropic.default = ToolCall(agent_answer)
    install_pr(github_fake, REPO, 7, BASE, HEAD_FILES, HEAD)
    config = settings(github_fake, anthropic)

    assert run_job(job(), config).status == "posted"

    [review] = github_fake.successful_reviews(REPO, 7)
    comments = comments_of(github_fake, review)
    security = [c for c in comments if "· security ·" in c["body"]]
    indexing = [c for c in comments if "· indexing ·" in c["body"]]
    assert len(comments) == 2 and len(security) == 1 and len(indexing) == 1
    [sql] = security
    assert sql["line"] == EXECUTE
    assert "found by rule `sql-injection` · AI review" in sql["body"]
    assert AGENT_SQL_BODY in sql["body"] and "from `request.args`" in sql["body"]
    assert "source lines" not in sql["body"]  # the machine line stays out of the comment
    # An unrelated problem on the same line keeps its own comment and text.
    assert indexing[0]["line"] == EXECUTE
    assert AGENT_LIMIT_TITLE in indexing[0]["body"] and AGENT_LIMIT_BODY in indexing[0]["body"]
    # The summary counts problems: one security problem, however many reports.
    assert re.search(r"\| security \| 1 \| · \| · \| · \| 1 \|", review["body"])
    assert "2 problems (1 high, 1 medium)" in review["body"]

    # A push moves every line down, and the rule is switched off on the base branch:
    # now the agent alone reports the SQL injection. It is on the PR already.
    head2 = {SERVICE: "# orders search\n" + HEAD_FILES[SERVICE]}
    install_pr(github_fake, REPO, 7, BASE, head2, HEAD2)
    repo = github_fake.repos[REPO]
    repo.put("main", ".github/bastion.yml", "rules:\n  disable: [sql-injection]\n")
    repo.compares[(HEAD, HEAD2)] = ("ahead", make_diff(HEAD_FILES, head2))

    assert run_job(job("synchronize", HEAD2), config).status == "posted"

    second = github_fake.successful_reviews(REPO, 7)[1]
    assert comments_of(github_fake, second) == []
    assert "2 finding(s) already on this PR are not repeated." in second["body"]
