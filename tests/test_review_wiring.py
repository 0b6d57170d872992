"""What the App, the Action and the CLI feed the review: the base version of compared
files, the files a spec `$ref`s at each side, the repository's schema, and the
budgeted rule runner. End to end through the GitHub fake (real PyGithub over HTTP)
and through real git."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from github_fake import (  # noqa: F401  (fixtures)
    DEFAULT_TOKEN,
    HANG_MARK,
    FakeGitHub,
    github_fake_fixture,
    hanging_rule_fixture,
    install_pr,
    unsafe_rule_fixture,
)
from test_action import payload, run_action

from bot.github.job import run_job
from bot.jobs import ReviewJob
from bot.settings import Settings

REPO = "acme/shop"
HEAD = "c" * 40
NUMBER = 7

SPEC = """openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: the order
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
                  total: {type: number}
                  currency: {type: string}
"""
SPEC_WITHOUT_CURRENCY = SPEC.replace("                  currency: {type: string}\n", "").replace(
    "description: the order", "description: the order (v1.1)"
)

PROTO = """syntax = "proto3";
package acme.orders.v1;

// An order.
message Order {
  string id = 1;
  int64 total_cents = 2;
}
"""
PROTO_STRING_TOTAL = PROTO.replace("int64 total_cents", "string total_cents").replace(
    "// An order.", "// An order (v1.1)."
)

REF_SPEC = """openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: the order
          content:
            application/json:
              schema: {$ref: 'schemas/order.yaml#/Order'}
"""
ORDER_SCHEMA = """Order:
  type: object
  properties:
    id: {type: string}
    total: {type: number}
    currency: {type: string}
"""

RAILS_SCHEMA = (
    "ActiveRecord::Schema[7.1].define(version: 1) do\n"
    '  create_table "orders", force: :cascade do |t|\n'
    '    t.bigint "user_id"\n    t.string "coupon_code"\n'
    '    t.index ["user_id"], name: "index_orders_on_user_id"\n'
    "  end\nend\n"
)
CONTROLLER = "class OrdersController < ApplicationController\n  def index\n  end\nend\n"
CONTROLLER_QUERY = (
    "class OrdersController < ApplicationController\n  def index\n"
    "    @orders = Order.where(coupon_code: params[:code])\n  end\nend\n"
)


def settings_for(fake: FakeGitHub, **extra: Any) -> Settings:
    return Settings(
        GITHUB_API_URL=fake.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        ANTHROPIC_API_KEY=None,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
        **extra,
    )


def review_job() -> ReviewJob:
    return ReviewJob(
        delivery_id="d-1", repo=REPO, pr_number=NUMBER, head_sha=HEAD, trigger="opened"
    )


def posted_comments(fake: FakeGitHub, repo: str = REPO, number: int = NUMBER) -> list[dict]:
    return list(fake.review_comments.get((repo, number), []))


def posted_review(fake: FakeGitHub, repo: str = REPO, number: int = NUMBER) -> dict[str, Any]:
    [review] = fake.successful_reviews(repo, number)
    return review


def app_review(
    fake: FakeGitHub, tmp_path: Path, base: dict[str, str], head: dict[str, str], **settings: Any
) -> Any:
    install_pr(fake, REPO, NUMBER, base, head, HEAD)
    outcome = run_job(review_job(), settings_for(fake, BASTION_DATA_DIR=tmp_path, **settings))
    assert outcome.status == "posted", outcome
    return outcome


# -- API descriptions: base and head -------------------------------------------------


def test_app_comments_inline_on_a_removed_response_property(github_fake, tmp_path) -> None:
    app_review(
        github_fake, tmp_path, {"openapi.yaml": SPEC}, {"openapi.yaml": SPEC_WITHOUT_CURRENCY}
    )

    [comment] = [c for c in posted_comments(github_fake) if c["path"] == "openapi.yaml"]
    assert "response property removed" in comment["body"]
    assert "currency" in comment["body"]
    # The base came from the PR's base commit, one contents call for the one file.
    base_reads = github_fake.calls("GET", r"/contents/openapi\.yaml$")
    assert any(r.query.get("ref") == "b" * 40 for r in base_reads)


def test_action_comments_inline_on_a_removed_response_property(github_fake, tmp_path) -> None:
    repo, number, head = "Codertocat/Hello-World", 2, "ec26c3e57ca3a959ca5aad62de7213c562f8c821"
    install_pr(
        github_fake,
        repo,
        number,
        {"openapi.yaml": SPEC},
        {"openapi.yaml": SPEC_WITHOUT_CURRENCY},
        head,
    )
    run = run_action(
        github_fake, tmp_path, "pull_request", payload("pull_request.opened.payload.json")
    )

    assert run.code in (0, 1), run.stderr
    [comment] = posted_comments(github_fake, repo, number)
    assert comment["path"] == "openapi.yaml"
    assert "response property removed" in comment["body"]
    assert "api-breaking-change" in run.sarif.read_text(encoding="utf-8")


def test_app_comments_on_a_proto_field_whose_type_changed(github_fake, tmp_path) -> None:
    path = "proto/acme/orders/v1/orders.proto"
    app_review(github_fake, tmp_path, {path: PROTO}, {path: PROTO_STRING_TOTAL})

    [comment] = [c for c in posted_comments(github_fake) if c["path"] == path]
    assert "total_cents" in comment["body"]
    assert comment["line"] == PROTO_STRING_TOTAL.splitlines().index("  string total_cents = 2;") + 1


def test_app_follows_a_ref_into_another_file_at_each_side(github_fake, tmp_path) -> None:
    base = {"api/openapi.yaml": REF_SPEC, "api/schemas/order.yaml": ORDER_SCHEMA}
    head = {
        "api/openapi.yaml": REF_SPEC.replace("the order", "the order (v1.1)"),
        "api/schemas/order.yaml": ORDER_SCHEMA.replace("    currency: {type: string}\n", ""),
    }
    app_review(github_fake, tmp_path, base, head)

    bodies = [c["body"] for c in posted_comments(github_fake) if c["path"] == "api/openapi.yaml"]
    assert any("response property removed" in b and "currency" in b for b in bodies), bodies
    refs = github_fake.calls("GET", r"/contents/api/schemas/order\.yaml$")
    assert {r.query.get("ref") for r in refs} == {"b" * 40, HEAD}


def test_an_added_spec_fetches_no_base(github_fake, tmp_path) -> None:
    app_review(github_fake, tmp_path, {}, {"openapi.yaml": SPEC})

    reads = github_fake.calls("GET", r"/contents/openapi\.yaml$")
    assert [r.query.get("ref") for r in reads] == [HEAD]


# -- the schema model ------------------------------------------------------------------


def test_app_names_the_index_for_a_query_on_an_existing_unindexed_column(
    github_fake, tmp_path
) -> None:
    # Without a size the finding is summary only; a table listed as large gets the comment.
    base = {
        "db/schema.rb": RAILS_SCHEMA,
        "app/controllers/orders_controller.rb": CONTROLLER,
        ".github/bastion.yml": "large_tables: [orders]\n",
    }
    head = {**base, "app/controllers/orders_controller.rb": CONTROLLER_QUERY}
    app_review(github_fake, tmp_path, base, head)

    [comment] = [
        c for c in posted_comments(github_fake) if "unindexed" in c["body"] or "index" in c["body"]
    ]
    assert comment["path"] == "app/controllers/orders_controller.rb"
    assert comment["line"] == 3
    assert "add_index :orders, :coupon_code" in comment["body"]
    assert len(github_fake.calls("GET", r"/git/trees/")) == 1


def test_schema_files_are_cached_by_commit_and_by_blob(github_fake, tmp_path) -> None:
    base = {"db/schema.rb": RAILS_SCHEMA, "app/controllers/orders_controller.rb": CONTROLLER}
    head = {**base, "app/controllers/orders_controller.rb": CONTROLLER_QUERY}
    app_review(github_fake, tmp_path, base, head)
    # Read in the batched GraphQL query, not with a contents call.
    assert github_fake.blob_reads == 1
    assert github_fake.calls("GET", r"/contents/db/schema\.rb$") == []

    # A new push: the tree is listed again, the unchanged schema file is not fetched.
    second = "d" * 40
    install_pr(github_fake, REPO, 8, base, {**head, "app/x.rb": "class X\nend\n"}, second)
    run_job(
        ReviewJob(delivery_id="d-2", repo=REPO, pr_number=8, head_sha=second, trigger="opened"),
        settings_for(github_fake, BASTION_DATA_DIR=tmp_path),
    )
    assert len(github_fake.calls("GET", r"/git/trees/")) == 2
    assert github_fake.blob_reads == 1
    assert github_fake.calls("GET", r"/contents/db/schema\.rb$") == []


def test_a_repository_whose_tree_cannot_be_listed_is_reviewed_from_the_diff(
    github_fake, tmp_path
) -> None:
    github_fake.script("GET", r"/git/trees/", 409, {"message": "Git Repository is empty."})
    base = {"db/schema.rb": RAILS_SCHEMA, "app/controllers/orders_controller.rb": CONTROLLER}
    head = {**base, "app/controllers/orders_controller.rb": CONTROLLER_QUERY}
    app_review(github_fake, tmp_path, base, head)

    body = posted_review(github_fake)["body"]
    assert "schema model was not built (GitHub answered 409" in body


def test_a_truncated_tree_is_said_in_the_review(github_fake, tmp_path) -> None:
    github_fake.tree_limit = 2
    base = {"db/schema.rb": RAILS_SCHEMA, "app/controllers/orders_controller.rb": CONTROLLER}
    head = {**base, "app/controllers/orders_controller.rb": CONTROLLER_QUERY}
    app_review(github_fake, tmp_path, base, head)

    assert "truncated tree" in posted_review(github_fake)["body"]


def test_schema_reaches_the_checks_in_the_rule_child() -> None:
    """Context variables do not cross into the budgeted runner's child: the schema must
    travel with the work (here with `fork` and `forkserver` alike)."""
    from github_fake import make_diff

    from bot.diff import parse_diff
    from bot.isolation import budgeted_rule_runner
    from bot.pipeline import review_files

    base = {"app/controllers/orders_controller.rb": CONTROLLER}
    head = {"app/controllers/orders_controller.rb": CONTROLLER_QUERY}
    files = parse_diff(make_diff(base, head))
    load = head.get
    for method in ("fork", "forkserver"):
        runner = budgeted_rule_runner(30, 60, start_method=method)
        result = review_files(
            files,
            load_content=lambda f: load(f.path),
            schema_files={"db/schema.rb": RAILS_SCHEMA},
            rule_runner=runner,
        )
        rules = [f.rule for f in result.findings]
        assert rules == ["query-on-unindexed-column"], (method, result.notes)
    without = review_files(files, load_content=lambda f: load(f.path), rule_runner=runner)
    assert without.findings == []  # the schema lives outside the diff


# -- the time-budgeted rule runner -------------------------------------------------------


@pytest.mark.timeout(120)
def test_a_check_that_never_ends_costs_its_file_and_the_job_completes(
    github_fake, tmp_path, unsafe_rule, hanging_rule
) -> None:
    base: dict[str, str] = {}
    head = {
        "app/api/stuck.py": f"value = '{HANG_MARK}'\n",
        "app/api/orders.py": "def f(x):\n    return build(UNSAFE)\n",
    }
    outcome = app_review(github_fake, tmp_path, base, head, BASTION_FILE_BUDGET_S=2)

    review = posted_review(github_fake)
    assert [c["path"] for c in posted_comments(github_fake)] == ["app/api/orders.py"]
    assert "app/api/stuck.py" in review["body"]
    assert "time budget" in review["body"] or "budget" in review["body"]
    assert outcome.status == "posted"


# -- the CLI with --git --------------------------------------------------------------------


def git(repo: Path, *argv: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com", *argv],
        check=True,
        capture_output=True,
    )


def commit(repo: Path, files: dict[str, str], message: str) -> None:
    for path, text in files.items():
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def cli_review(repo: Path, *extra: str) -> str:
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "review",
            "--git",
            "HEAD~1..HEAD",
            "--repo",
            str(repo),
            "--no-llm",
            "--format",
            "json",
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    return path


def test_cli_git_reads_the_schema_of_the_whole_repository(repo: Path) -> None:
    import json

    commit(
        repo,
        {"db/schema.rb": RAILS_SCHEMA, "app/controllers/orders_controller.rb": CONTROLLER},
        "one",
    )
    commit(repo, {"app/controllers/orders_controller.rb": CONTROLLER_QUERY}, "two")

    result = json.loads(cli_review(repo))
    [finding] = [f for f in result["findings"] if f["rule"] == "query-on-unindexed-column"]
    assert finding["line"] == 3
    assert "add_index :orders, :coupon_code" in finding["body"]


def test_cli_git_follows_a_ref_into_another_file_at_each_side(repo: Path) -> None:
    import json

    commit(repo, {"api/openapi.yaml": REF_SPEC, "api/schemas/order.yaml": ORDER_SCHEMA}, "one")
    commit(
        repo,
        {
            "api/openapi.yaml": REF_SPEC.replace("the order", "the order (v1.1)"),
            "api/schemas/order.yaml": ORDER_SCHEMA.replace("    currency: {type: string}\n", ""),
        },
        "two",
    )
    result = json.loads(cli_review(repo))
    found = [f for f in result["findings"] if f["path"] == "api/openapi.yaml"]
    assert any(
        "response property removed" in f["title"] and "currency" in f["body"] for f in found
    ), found
