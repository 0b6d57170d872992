"""GitHub API calls and wall time of one review job against the GitHub fake.

A typical PR: 7 changed files, ~300 changed lines, two of them frontend/docs,
the LLM off, the real rule engine (in its budgeted child, as the worker runs it).
Wall time is `run_job` from start to the review and check run posted (what a
worker spends after dequeue). Also counted: an API PR (an OpenAPI spec whose
response schema lives in a `$ref`'d file, and a .proto), and a Rails PR against a
repository with 40 schema files, first with an empty schema cache, then on the next
push (the cache keeps unchanged files), with the calls the schema model itself costs
(the tree listing, the batched GraphQL blob reads, contents calls of schema files the
PR does not change); and a push that fixes one of two findings (the feedback loop:
threads read and the fixed one resolved).

    .venv/bin/python bench/github_calls.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

if __name__ == "__main__":
    # Only in the measuring process: the rule engine's forkserver imports this script
    # as `__mp_main__`, and a worker's main script (`bastion worker`) imports little.
    from github_fake import (
        DEFAULT_TOKEN,
        _unsafe_check,
        install_pr,
        make_diff,
        start_fake,
        typical_files,
    )

    from bot.github.job import run_job
    from bot.jobs import ReviewJob
    from bot.settings import Settings


def one_run(number: int) -> tuple[int, float, Counter[str], int]:
    fake = start_fake()
    try:
        base, head = typical_files()
        head_sha = f"{number:040x}"
        pr = install_pr(fake, "acme/shop", number, base, head, head_sha)
        changed = sum(
            1
            for line in pr.diff.splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        )
        settings = Settings(
            GITHUB_API_URL=fake.url,
            GITHUB_TOKEN=DEFAULT_TOKEN,
            ANTHROPIC_API_KEY=None,
            BASTION_DATA_DIR=tempfile.mkdtemp(prefix="bastion-bench-"),
        )
        job = ReviewJob(
            delivery_id=f"bench-{number}",
            repo="acme/shop",
            pr_number=number,
            head_sha=head_sha,
            trigger="opened",
        )
        started = time.perf_counter()
        outcome = run_job(job, settings)
        elapsed = time.perf_counter() - started
        assert outcome.status == "posted", outcome
        kinds = Counter(f"{r.method} {_kind(r.path)}" for r in fake.requests)
        return len(fake.requests), elapsed, kinds, changed
    finally:
        fake.stop()


def _schema_call(path: str, base: dict[str, str], head: dict[str, str]) -> bool:
    """A call made for the schema model: the tree, GraphQL (no threads exist yet on
    a first review), or the contents of a file the PR leaves unchanged."""
    if "/git/trees/" in path or path.endswith("/graphql"):
        return True
    if "/contents/" not in path:
        return False
    file = path.split("/contents/", 1)[1]
    return file in base and base[file] == head.get(file) and not file.startswith(".github/")


def _scenario(
    base: dict[str, str], head: dict[str, str], pushes: int = 1
) -> list[tuple[Counter[str], int]]:
    """Per review of `pushes` successive heads (one data dir): the call kinds, and how
    many of the calls were made for the schema model alone."""
    fake = start_fake()
    data = tempfile.mkdtemp(prefix="bastion-bench-")
    out: list[tuple[Counter[str], int]] = []
    try:
        settings = Settings(
            GITHUB_API_URL=fake.url,
            GITHUB_TOKEN=DEFAULT_TOKEN,
            ANTHROPIC_API_KEY=None,
            BASTION_DATA_DIR=data,
        )
        for push in range(pushes):
            number, head_sha = 10 + push, f"{0xABC + push:040x}"
            pushed = {**head, f"app/models/extra_{push}.rb": "class Extra\nend\n"} if push else head
            install_pr(fake, "acme/shop", number, base, pushed, head_sha)
            before = len(fake.requests)
            job = ReviewJob(
                delivery_id=f"bench-s{push}",
                repo="acme/shop",
                pr_number=number,
                head_sha=head_sha,
                trigger="opened",
            )
            assert run_job(job, settings).status == "posted"
            made = fake.requests[before:]
            kinds = Counter(f"{r.method} {_kind(r.path)}" for r in made)
            schema = sum(1 for r in made if _schema_call(r.path, base, pushed))
            out.append((kinds, schema))
    finally:
        fake.stop()
    return out


def api_pr() -> tuple[dict[str, str], dict[str, str]]:
    spec = (
        "openapi: 3.0.3\ninfo: {title: Shop, version: '1'}\npaths:\n  /orders/{id}:\n"
        "    get:\n      operationId: getOrder\n      parameters:\n"
        "        - {name: id, in: path, required: true, schema: {type: string}}\n"
        "      responses:\n        '200':\n          description: the order\n"
        "          content:\n            application/json:\n"
        "              schema: {$ref: 'schemas/order.yaml#/Order'}\n"
    )
    order = (
        "Order:\n  type: object\n  properties:\n    id: {type: string}\n    total: {type: number}\n"
    )
    proto = (
        'syntax = "proto3";\npackage shop.v1;\n'
        "message Order {\n  string id = 1;\n  int64 total = 2;\n}\n"
    )
    base = {"api/openapi.yaml": spec, "api/schemas/order.yaml": order, "proto/order.proto": proto}
    head = {
        "api/openapi.yaml": spec.replace("the order", "the order (v2)"),
        "api/schemas/order.yaml": order.replace("    total: {type: number}\n", ""),
        "proto/order.proto": proto.replace("int64 total", "string total"),
    }
    return base, head


def rails_pr() -> tuple[dict[str, str], dict[str, str]]:
    base = {
        "db/schema.rb": (
            "ActiveRecord::Schema[7.1].define(version: 1) do\n"
            '  create_table "orders" do |t|\n    t.string "status"\n  end\nend\n'
        ),
        "app/controllers/orders_controller.rb": "class OrdersController\n  def index\n  end\nend\n",
    }
    for n in range(39):
        base[f"db/migrate/2024010100{n:04d}_step_{n}.rb"] = (
            f"class Step{n} < ActiveRecord::Migration[7.1]\n  def change\n"
            f"    add_column :orders, :c{n}, :string\n  end\nend\n"
        )
    head = {
        **base,
        "app/controllers/orders_controller.rb": (
            "class OrdersController\n  def index\n    Order.where(status: params[:s])\n  end\nend\n"
        ),
    }
    return base, head


def _show(title: str, kinds: Counter[str], schema: int | None = None) -> None:
    extra = f" ({schema} for the schema model)" if schema is not None else ""
    print(f"{title}: {sum(kinds.values())} calls{extra}")
    for kind, count in sorted(kinds.items()):
        print(f"  {count:3d}  {kind}")


def push_run(number: int) -> tuple[int, Counter[str], int]:
    """The feedback loop's cost: a PR reviewed at one head with two findings, a 👎 on one,
    then a push that fixes the other. Counts the second (synchronize) job's calls:
    one GraphQL query reads the threads and reactions, one GraphQL document replies to
    and resolves the fixed thread."""
    from bot.rules.engine import add_check, remove_check

    fake = start_fake()
    check = add_check(_unsafe_check())
    try:
        unsafe = {"app/api/orders.py": (50,), "app/models.py": (30,)}
        base, head1 = typical_files(unsafe)
        sha1, sha2 = f"{number:040x}", f"{number + 1:040x}"
        install_pr(fake, "acme/shop", number, base, head1, sha1)
        settings = Settings(
            GITHUB_API_URL=fake.url,
            GITHUB_TOKEN=DEFAULT_TOKEN,
            ANTHROPIC_API_KEY=None,
            BASTION_DATA_DIR=tempfile.mkdtemp(prefix="bastion-bench-"),
        )

        def job(sha: str, trigger: str) -> ReviewJob:
            return ReviewJob(
                delivery_id=f"bench-{sha}",
                repo="acme/shop",
                pr_number=number,
                head_sha=sha,
                trigger=trigger,  # type: ignore[arg-type]
            )

        run_job(job(sha1, "opened"), settings)
        first = fake.review_comments[("acme/shop", number)][0]
        fake.react_review_comment(first["id"], "alice", "THUMBS_DOWN")
        _, head2 = typical_files({"app/models.py": (30,)})
        install_pr(fake, "acme/shop", number, base, head2, sha2)
        fake.repos["acme/shop"].compares[(sha1, sha2)] = ("ahead", make_diff(head1, head2))
        before = len(fake.requests)
        outcome = run_job(job(sha2, "synchronize"), settings)
        assert outcome.status == "posted" and outcome.threads_resolved == 1, outcome
        calls = fake.requests[before:]
        return len(calls), Counter(f"{r.method} {_kind(r.path)}" for r in calls), 1
    finally:
        remove_check(check)
        fake.stop()


def _kind(path: str) -> str:
    parts = path.split("/")
    if "contents" in parts:
        return "contents"
    if "trees" in parts:
        return "git/trees"
    if "compare" in parts:
        return "compare"
    if parts[-1] == "graphql":
        return "graphql"
    return "/".join(p if not p.isdigit() else "{n}" for p in parts[4:]) or path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # The first run also imports the analyzers; report it apart.
    cold_calls, cold, kinds, changed = one_run(1)
    warm = [one_run(n + 2)[1] for n in range(args.runs)]
    print(f"typical PR: 7 files, {changed} changed lines, 2 frontend/docs, LLM off")
    print(f"GitHub API calls per review: {cold_calls}")
    for kind, count in sorted(kinds.items()):
        print(f"  {count:3d}  {kind}")
    print(f"wall time, first job in the process (imports analyzers): {cold * 1000:.0f} ms")
    print(
        f"wall time, warm worker: median {statistics.median(warm) * 1000:.0f} ms, "
        f"max {max(warm) * 1000:.0f} ms over {len(warm)} runs"
    )
    [(api, _)] = _scenario(*api_pr())
    _show("API PR (OpenAPI spec + $ref'd schema file + .proto, 3 files)", api)
    (cold_schema, cold_n), (warm_schema, warm_n) = _scenario(*rails_pr(), pushes=2)
    _show("Rails PR, 40 schema files, empty schema cache", cold_schema, cold_n)
    _show("same repository, next push (schema cache warm)", warm_schema, warm_n)
    sync_calls, sync_kinds, resolved = push_run(100)
    print(
        "push that fixes 1 of 2 findings (a 👎 on the other), synchronize review: "
        f"{sync_calls} GitHub API calls, {resolved} thread resolved"
    )
    for kind, count in sorted(sync_kinds.items()):
        print(f"  {count:3d}  {kind}")


if __name__ == "__main__":
    main()
