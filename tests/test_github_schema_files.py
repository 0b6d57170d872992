"""The App reads a repository's schema files in a bounded number of GitHub calls: one
tree listing, then one GraphQL query per 50 blobs, a contents call only for a blob
GraphQL cannot give whole; texts cached by blob SHA under `BASTION_DATA_DIR`. End to
end through `run_job` and the GitHub fake (real PyGithub over HTTP, the fake's GraphQL
answering from its repository contents as GitHub does)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import github_fake_graphql
import pytest
from github_fake import DEFAULT_TOKEN, FakeGitHub, github_fake_fixture, install_pr  # noqa: F401

from bot.github.job import run_job
from bot.jobs import ReviewJob
from bot.settings import Settings

REPO = "acme/shop"
BASE_SHA = "b" * 40
CONTROLLER = "class OrdersController < ApplicationController\n  def index\n  end\nend\n"


def controller_querying(column: str) -> str:
    return CONTROLLER.replace(
        "  def index\n", f"  def index\n    @orders = Order.where({column}: params[:v])\n"
    )


def rails_repository(migrations: int) -> dict[str, str]:
    """`db/schema.rb` and `migrations` migrations, each adding a column to orders; the
    last column has no index."""
    files = {
        "db/schema.rb": (
            "ActiveRecord::Schema[7.1].define(version: 1) do\n"
            '  create_table "orders", force: :cascade do |t|\n    t.string "status"\n'
            '    t.index ["status"], name: "index_orders_on_status"\n  end\nend\n'
        ),
        "app/controllers/orders_controller.rb": CONTROLLER,
        # A query finding is inline only on a table listed as large (else summary only).
        ".github/bastion.yml": "large_tables: [orders]\n",
    }
    for n in range(migrations):
        files[f"db/migrate/2024010100{n:04d}_step_{n}.rb"] = (
            f"class Step{n} < ActiveRecord::Migration[7.1]\n  def change\n"
            f"    add_column :orders, :c{n}, :string\n  end\nend\n"
        )
    return files


def settings(fake: FakeGitHub, data_dir: Path) -> Settings:
    return Settings(
        GITHUB_API_URL=fake.url,
        GITHUB_TOKEN=DEFAULT_TOKEN,
        ANTHROPIC_API_KEY=None,
        GITHUB_APP_ID=None,
        GITHUB_APP_PRIVATE_KEY=None,
        BASTION_DATA_DIR=data_dir,
    )


def review(
    fake: FakeGitHub, data_dir: Path, number: int, head: dict[str, str], base: dict[str, str]
) -> list[Any]:
    """One review job of a PR at a new head; the requests it made."""
    head_sha = f"{number:040x}"
    install_pr(fake, REPO, number, base, head, head_sha, base_sha=BASE_SHA)
    before = len(fake.requests)
    job = ReviewJob(
        delivery_id=f"d-{number}-{len(fake.requests)}",
        repo=REPO,
        pr_number=number,
        head_sha=head_sha,
        trigger="opened",
    )
    outcome = run_job(job, settings(fake, data_dir))
    assert outcome.status == "posted", outcome
    return fake.requests[before:]


def schema_calls(requests: list[Any], changed: set[str]) -> list[str]:
    """The calls a review made for the schema model: the tree, GraphQL, and contents
    of files the PR did not change (those of changed files are read for the rules)."""
    out = []
    for r in requests:
        if "/git/trees/" in r.path or r.path.endswith("/graphql"):
            out.append(f"{r.method} {r.path}")
        elif "/contents/" in r.path:
            path = r.path.split("/contents/", 1)[1]
            if path not in changed and not path.startswith(".github/"):
                out.append(f"{r.method} {r.path}")
    return out


def comment_bodies(fake: FakeGitHub, number: int) -> list[str]:
    return [c["body"] for c in fake.review_comments.get((REPO, number), [])]


def test_forty_schema_files_cost_two_calls_then_at_most_one(github_fake, tmp_path) -> None:
    base = rails_repository(39)
    head = {**base, "app/controllers/orders_controller.rb": controller_querying("c38")}
    changed = {"app/controllers/orders_controller.rb"}

    first = schema_calls(review(github_fake, tmp_path, 1, head, base), changed)
    assert first == [
        f"GET /repos/{REPO}/git/trees/{1:040x}",
        "POST /graphql",
    ]
    assert github_fake.blob_reads == 40
    # The column came from the last migration, read in the batch: the index is named.
    [body] = [b for b in comment_bodies(github_fake, 1) if "add_index" in b]
    assert "add_index :orders, :c38" in body

    # Same base, a new head: the tree is listed again, no blob is read again.
    pushed = {**head, "app/controllers/orders_controller.rb": controller_querying("c37")}
    second = schema_calls(review(github_fake, tmp_path, 2, pushed, base), changed)
    assert second == [f"GET /repos/{REPO}/git/trees/{2:040x}"]
    assert github_fake.blob_reads == 40
    assert any("add_index :orders, :c37" in b for b in comment_bodies(github_fake, 2))

    # The same head reviewed again: nothing at all.
    job = ReviewJob(
        delivery_id="again", repo=REPO, pr_number=2, head_sha=f"{2:040x}", trigger="reopened"
    )
    before = len(github_fake.requests)
    run_job(job, settings(github_fake, tmp_path))
    assert schema_calls(github_fake.requests[before:], changed) == []


def test_a_large_repository_takes_one_query_per_fifty_files(github_fake, tmp_path) -> None:
    base = rails_repository(119)
    head = {**base, "app/controllers/orders_controller.rb": controller_querying("c100")}

    calls = schema_calls(
        review(github_fake, tmp_path, 3, head, base), {"app/controllers/orders_controller.rb"}
    )
    assert calls.count("POST /graphql") == 3
    assert len(calls) == 4 <= 10
    assert any("add_index :orders, :c100" in b for b in comment_bodies(github_fake, 3))


def test_a_blob_graphql_truncates_is_read_whole_over_rest(
    github_fake, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GitHub's cut-off is not documented: here GraphQL truncates what the client expected
    # whole, so the client must notice `isTruncated` itself.
    monkeypatch.setattr(github_fake_graphql, "BLOB_TEXT_LIMIT", 150)
    base = rails_repository(3)
    head = {**base, "app/controllers/orders_controller.rb": controller_querying("c2")}

    calls = schema_calls(
        review(github_fake, tmp_path, 4, head, base), {"app/controllers/orders_controller.rb"}
    )
    # schema.rb (over 150 bytes) came back truncated: one contents call reads it.
    assert calls == [
        f"GET /repos/{REPO}/git/trees/{4:040x}",
        "POST /graphql",
        f"GET /repos/{REPO}/contents/db/schema.rb",
    ]
    assert any("add_index :orders, :c2" in b for b in comment_bodies(github_fake, 4))


def test_a_file_over_graphqls_limit_goes_straight_to_rest(github_fake, tmp_path) -> None:
    base = rails_repository(2)
    filler = "".join(f"    # note {n:06d} about this step\n" for n in range(18_000))
    base["db/migrate/20240101009999_big.rb"] = (
        "class Big < ActiveRecord::Migration[7.1]\n  def change\n"
        f"{filler}    add_column :orders, :coupon, :string\n  end\nend\n"
    )
    assert 512_000 < len(base["db/migrate/20240101009999_big.rb"]) < 1_000_000
    head = {**base, "app/controllers/orders_controller.rb": controller_querying("coupon")}

    calls = schema_calls(
        review(github_fake, tmp_path, 5, head, base), {"app/controllers/orders_controller.rb"}
    )
    assert calls == [
        f"GET /repos/{REPO}/git/trees/{5:040x}",
        "POST /graphql",
        f"GET /repos/{REPO}/contents/db/migrate/20240101009999_big.rb",
    ]
    assert github_fake.blob_reads == 3
    assert any("add_index :orders, :coupon" in b for b in comment_bodies(github_fake, 5))


def test_a_binary_schema_file_is_one_summary_note_and_is_not_asked_again(
    github_fake, tmp_path
) -> None:
    base = rails_repository(2)
    base["db/migrate/20240101000009_seed.rb"] = "add_column \x00\x01\x02 binary\n"
    head = {**base, "app/controllers/orders_controller.rb": controller_querying("c1")}
    changed = {"app/controllers/orders_controller.rb"}

    calls = schema_calls(review(github_fake, tmp_path, 6, head, base), changed)
    assert calls == [f"GET /repos/{REPO}/git/trees/{6:040x}", "POST /graphql"]
    [review_body] = [r["body"] for r in github_fake.successful_reviews(REPO, 6)]
    assert review_body.count("GitHub returned no text for") == 1
    assert "`db/migrate/20240101000009_seed.rb`" in review_body
    assert any("add_index :orders, :c1" in b for b in comment_bodies(github_fake, 6))

    # The next push neither reads it again nor forgets to say it is left out.
    pushed = {**head, "app/controllers/orders_controller.rb": controller_querying("c0")}
    again = schema_calls(review(github_fake, tmp_path, 7, pushed, base), changed)
    assert again == [f"GET /repos/{REPO}/git/trees/{7:040x}"]
    [body] = [r["body"] for r in github_fake.successful_reviews(REPO, 7)]
    assert "`db/migrate/20240101000009_seed.rb`" in body


def test_a_refused_graphql_query_falls_back_to_one_read_per_file(github_fake, tmp_path) -> None:
    github_fake.script(
        "POST",
        r"/graphql$",
        200,
        {"errors": [{"type": "FORBIDDEN", "message": "Resource not accessible by integration"}]},
    )
    base = rails_repository(2)
    head = {**base, "app/controllers/orders_controller.rb": controller_querying("c1")}

    calls = schema_calls(
        review(github_fake, tmp_path, 8, head, base), {"app/controllers/orders_controller.rb"}
    )
    assert calls[:2] == [f"GET /repos/{REPO}/git/trees/{8:040x}", "POST /graphql"]
    assert sorted(calls[2:]) == sorted(
        f"GET /repos/{REPO}/contents/{p}" for p in base if p.startswith("db/")
    )
    assert any("add_index :orders, :c1" in b for b in comment_bodies(github_fake, 8))


def test_the_fake_answers_blob_queries_as_github_does(github_fake) -> None:
    from github_fake import blob_sha

    from bot.github.client import GitHubClient

    repo = github_fake.add_repo(REPO)
    repo.put("main", "db/schema.sql", "CREATE TABLE t (id int);\n")
    repo.put("main", "db/seed.bin", b"\x00\x01")
    client = GitHubClient(
        DEFAULT_TOKEN, Settings(GITHUB_API_URL=github_fake.url, GITHUB_TOKEN=DEFAULT_TOKEN), REPO
    )
    query = """query($o: String!, $n: String!, $sha: GitObjectID!, $bin: GitObjectID!,
                     $none: GitObjectID!) {
      repository(owner: $o, name: $n) {
        byPath: object(expression: "main:db/schema.sql") { __typename ... on Blob { text } }
        folder: object(expression: "main:db") { __typename oid }
        binary: object(oid: $bin) { ... on Blob { text isBinary byteSize } }
        bySha: object(oid: $sha) { ... on Blob { text isTruncated } }
        missing: object(oid: $none) { oid }
      }
    }"""
    variables = {
        "o": "acme",
        "n": "shop",
        "sha": blob_sha(b"CREATE TABLE t (id int);\n"),
        "bin": blob_sha(b"\x00\x01"),
        "none": "0" * 40,
    }
    data, errors = client.graphql(query, variables)
    assert errors == []
    found = data["repository"]
    assert found["byPath"] == {"__typename": "Blob", "text": "CREATE TABLE t (id int);\n"}
    assert found["folder"]["__typename"] == "Tree"
    assert found["binary"] == {"text": None, "isBinary": True, "byteSize": 2}
    assert found["bySha"] == {"text": "CREATE TABLE t (id int);\n", "isTruncated": False}
    assert found["missing"] is None
    # A field GitHub's Blob lacks fails the whole query, as on GitHub.
    _, errors = client.graphql(
        'query($none: GitObjectID!) { repository(owner: "acme", name: "shop") '
        "{ object(oid: $none) { ... on Blob { content } } } }",
        {"none": "0" * 40},
    )
    assert errors and "content" in errors[0]["message"]
    client.close()


def test_the_app_asks_the_latest_release_whether_a_table_has_shipped(github_fake, tmp_path) -> None:
    """As the CLI reads release tags from git, the App reads the latest release: an index
    built on a table whose creating migration no release holds blocks nobody (the summary
    says so); once a release holds it, the table's size decides (the summary says to list
    it under `large_tables:`). Two calls at most."""
    from test_migrations_context import PRISMA_CREATE, PRISMA_INDEX

    created = "prisma/migrations/19_add_session_replay/migration.sql"
    path = "prisma/migrations/20_add_session_replay_visit_id/migration.sql"
    base = {created: PRISMA_CREATE}
    head = {**base, path: PRISMA_INDEX}
    repo = github_fake.add_repo(REPO)

    def blocking_index_inline(number: int) -> tuple[bool, list[str]]:
        requests = review(github_fake, tmp_path / str(number), number, head, base)
        bodies = comment_bodies(github_fake, number)
        calls = [
            r.path
            for r in requests
            if r.path.endswith("/releases/latest")
            or "?ref=v" in r.path
            or "/contents/" in r.path
            and r.query.get("ref", "").startswith("v")
        ]
        return any("session_replay" in b and "index" in b.lower() for b in bodies), calls

    def summary(number: int) -> str:
        return " ".join(r["body"] for r in github_fake.reviews[(REPO, number)])

    repo.latest_release = None  # no release: nothing says the table is new
    inline, calls = blocking_index_inline(1)
    assert not inline and calls == [f"/repos/{REPO}/releases/latest"]
    assert "large_tables:" in summary(1) and "no release tag" not in summary(1)

    repo.latest_release = "v1.4.0"  # released before the table was created
    repo.put("v1.4.0", "prisma/migrations/18_init/migration.sql", "SELECT 1;\n")
    inline, calls = blocking_index_inline(2)
    assert not inline
    assert calls == [
        f"/repos/{REPO}/releases/latest",
        f"/repos/{REPO}/contents/{created.rsplit('/', 1)[0]}",
    ]
    assert "no release tag" in summary(2)

    repo.put("v1.4.0", created, PRISMA_CREATE)  # now the release holds it
    inline, _calls = blocking_index_inline(3)
    assert not inline
    assert "large_tables:" in summary(3) and "no release tag" not in summary(3)


@pytest.mark.parametrize("status", [500, 403])
def test_a_release_lookup_that_fails_leaves_the_severity_and_the_review_lands(
    github_fake, tmp_path, status: int
) -> None:
    """GitHub failing on the release (a 5xx, or a token without access) is not worth a
    failed or retried review: the table's age is unknown, so only its size is said to
    decide."""
    from test_migrations_context import PRISMA_CREATE, PRISMA_INDEX

    created = "prisma/migrations/19_add_session_replay/migration.sql"
    path = "prisma/migrations/20_add_session_replay_visit_id/migration.sql"
    base = {created: PRISMA_CREATE}
    repo = github_fake.add_repo(REPO)
    repo.latest_release = "v1.4.0"  # would say "not released", if it could be read
    repo.put("v1.4.0", "prisma/migrations/18_init/migration.sql", "SELECT 1;\n")
    github_fake.script(
        "GET", r"/releases/latest$", status, body={"message": "Resource not accessible"}, times=10
    )
    review(github_fake, tmp_path, 7, {**base, path: PRISMA_INDEX}, base)  # asserts "posted"
    summary = " ".join(r["body"] for r in github_fake.reviews[(REPO, 7)])
    assert "session_replay" in summary and "large_tables:" in summary
    assert "no release tag" not in summary
