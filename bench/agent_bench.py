"""What the AI review sends, and what it costs: a typical PR and a large one, against the fake API.

The reviewer runs exactly as in production (real SDK, real HTTP) against the
fake Anthropic API of the test suite, which counts tokens as characters / 3.5
and simulates prompt caching (prefix up to the `cache_control` marker, cached
from 1,024 tokens). Token figures are therefore estimates of a real tokenizer's
counts, and the same for every run.

The typical PR is also reviewed against a repository schema (its migrations
declare 26 tables; the PR touches a few): the request then carries the `<schema>`
lines of the touched tables, and the figures show what that costs.

Reported per PR: requests; input tokens in total and per 1,000 changed backend
lines; the share of input that is fixed overhead (system prompt, agent prompt,
tool schema and the per-request preamble); the share served from the cache;
requests after the first that read the cache; coverage of changed backend
lines (each added line in exactly one request); bytes of non-backend files
sent; the estimated cost at the model's list price; the schema tables sent (of
those touched) and their tokens per request.

    .venv/bin/python bench/agent_bench.py [--model claude-sonnet-4-6] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(HERE)]

from anthropic_fake import (  # noqa: E402
    FakeAnthropic,
    data_block,
    numbered_lines,
    pr_diff,
    tokens,
)

from bot.agent import make_reviewer  # noqa: E402
from bot.agent.pricing import estimated_cost  # noqa: E402
from bot.config import RepoConfig  # noqa: E402
from bot.diff import parse_diff  # noqa: E402
from bot.pipeline import review_diff  # noqa: E402
from bot.select import select_backend  # noqa: E402

# ---------------------------------------------------------------- a typical PR


def _py_handlers(entity: str, count: int) -> str:
    out = [
        "from flask import Blueprint, jsonify, request\n",
        "\n",
        "from app.db import db\n",
        f"from app.models import {entity.capitalize()}\n",
        "\n",
        f'bp = Blueprint("{entity}s", __name__)\n',
    ]
    for n in range(count):
        out += [
            "\n",
            "\n",
            f'@bp.route("/{entity}s/<int:{entity}_id>/part{n}", methods=["GET"])\n',
            f"def get_{entity}_part{n}({entity}_id: int):\n",
            f"    row = db.session.get({entity.capitalize()}, {entity}_id)\n",
            "    if row is None:\n",
            '        return jsonify({"error": "not found"}), 404\n',
            '    limit = min(int(request.args.get("limit", 50)), 200)\n',
            "    items = row.items[:limit]\n",
            '    return jsonify({"id": row.id, "items": [i.to_dict() for i in items]})\n',
        ]
    return "".join(out)


MIGRATION = "".join(
    [
        "CREATE TABLE order_events (\n",
        "    id bigserial PRIMARY KEY,\n",
        "    order_id bigint NOT NULL REFERENCES orders (id),\n",
        "    kind text NOT NULL,\n",
        "    payload jsonb NOT NULL DEFAULT '{}',\n",
        "    created_at timestamptz NOT NULL DEFAULT now()\n",
        ");\n",
        "CREATE INDEX idx_orders_customer ON orders (customer_id);\n",
        "ALTER TABLE orders ADD COLUMN archived_at timestamptz;\n",
    ]
)


def typical_pr() -> str:
    """7 files, about 320 changed lines: 5 backend files, a React page and a doc."""
    orders_old = _py_handlers("order", 3)
    orders_new = _py_handlers("order", 9).replace(
        '    limit = min(int(request.args.get("limit", 50)), 200)\n',
        '    limit = int(request.args.get("limit", 50))\n',
        1,
    )
    billing_old = _py_handlers("invoice", 2)
    billing_new = _py_handlers("invoice", 8)
    auth = "".join(
        [
            "import hashlib\n",
            "import secrets\n",
            "\n",
            "from app.db import db\n",
            "\n",
            "\n",
            "def hash_password(password: str) -> str:\n",
            "    return hashlib.md5(password.encode()).hexdigest()\n",
            "\n",
            "\n",
            "def new_token() -> str:\n",
            "    return secrets.token_urlsafe(32)\n",
        ]
        + [
            f"\n\ndef check_scope_{n}(user, scope: str) -> bool:\n"
            f'    return scope in user.scopes and user.active and "{n}" in user.tiers\n'
            for n in range(12)
        ]
    )
    migration = MIGRATION
    models_old = "".join(f"class M{n}:\n    id: int\n    name: str\n\n\n" for n in range(6))
    models_new = models_old + "".join(
        f"class Event{n}:\n    id: int\n    order_id: int\n    kind: str\n\n\n" for n in range(8)
    )
    page = "".join(
        ["import React from 'react';\n", "\n", "export function OrdersPage() {\n"]
        + [f"  const col{n} = useColumn('orders-frontend-column-{n}');\n" for n in range(44)]
        + ["  return <Table columns={[col0]} />;\n", "}\n"]
    )
    doc = "".join(
        ["# Order events\n", "\n"]
        + [f"- Order event documentation paragraph number {n} for readers.\n" for n in range(20)]
    )
    return pr_diff(
        {
            "app/api/orders.py": (orders_old, orders_new),
            "app/services/billing.py": (billing_old, billing_new),
            "app/auth/passwords.py": (None, auth),
            "db/migrations/0042_order_events.sql": (None, migration),
            "app/models.py": (models_old, models_new),
            "web/src/OrdersPage.tsx": (None, page),
            "docs/order-events.md": (None, doc),
        }
    )


def repository_schema() -> dict[str, str]:
    """The schema files of the typical PR's repository at its head: an initial
    migration of 26 tables (most of which the PR never touches) and the PR's own."""
    tables = [
        "CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL, "
        "name text, created_at timestamptz NOT NULL DEFAULT now());",
        "CREATE UNIQUE INDEX customers_email ON customers (email);",
        "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL "
        "REFERENCES customers (id), status text NOT NULL, total_cents bigint NOT NULL, "
        "placed_at timestamptz, created_at timestamptz NOT NULL DEFAULT now());",
        "CREATE INDEX orders_status_placed ON orders (status, placed_at);",
        "CREATE TABLE invoices (id bigserial PRIMARY KEY, order_id bigint NOT NULL "
        "REFERENCES orders (id), number text NOT NULL, due_on date, paid_at timestamptz);",
        "CREATE UNIQUE INDEX invoices_number ON invoices (number);",
    ]
    for n in range(23):
        tables.append(
            f"CREATE TABLE catalog_{n:02d} (id bigserial PRIMARY KEY, sku text NOT NULL, "
            f"title text, price_cents bigint, updated_at timestamptz);"
        )
        tables.append(f"CREATE INDEX catalog_{n:02d}_sku ON catalog_{n:02d} (sku);")
    return {
        "db/migrations/0001_init.sql": "\n".join(tables) + "\n",
        "db/migrations/0042_order_events.sql": MIGRATION,
    }


def large_pr() -> str:
    from gen_large_pr import generate

    return generate()


# ---------------------------------------------------------------- measuring


@dataclass
class Figures:
    name: str
    files: int
    backend_files: int
    changed_lines: int
    changed_backend_lines: int
    requests: int
    input_tokens: int
    tokens_per_1000_backend_lines: int
    overhead_share: float
    cache_read_share: float
    requests_reading_cache: str
    coverage: float
    lines_sent_twice: int
    non_backend_bytes_sent: int
    output_tokens: int
    estimated_cost_usd: float | None
    cost_without_cache_usd: float | None
    files_not_reviewed: int
    schema_tables: str
    schema_tokens_per_request: int


def _non_backend_bytes(skipped_text: set[str], sent: str) -> int:
    return sum(len(line.encode()) for line in skipped_text if line in sent)


def measure(
    name: str,
    diff: str,
    fake: FakeAnthropic,
    model: str,
    warm: bool = False,
    schema_files: dict[str, str] | None = None,
) -> Figures:
    """One review of `diff`; `warm`: another review just ran, so the prefix is in the cache
    (a busy installation: the prefix is the same bytes for every PR reviewed with the agent);
    `schema_files`: the repository's schema files, as `--git --repo` and the App pass them."""
    fake.reset()
    config = RepoConfig.model_validate({"llm": {"model": model}})
    reviewer, why = make_reviewer(config)
    if reviewer is None:
        raise SystemExit(f"the reviewer cannot run: {why}")
    if warm:
        review_diff(diff, config, agent=reviewer, schema_files=schema_files)
        fake.requests.clear()
        fake.usages.clear()
    result = review_diff(diff, config, agent=reviewer, schema_files=schema_files)
    files = parse_diff(diff)
    backend, skipped = select_backend(files)
    skipped_paths = {s.path for s in skipped}
    added = {(f.path, n) for f in backend for n in f.added_lines}
    # Blank lines are not sent (nothing to cite on them); coverage counts the rest.
    expected = {(f.path, n) for f in backend for n, t in f.added_text().items() if t.strip()}
    backend_texts = {t.strip() for f in backend for t in f.added_text().values()}
    skipped_texts = {
        t.strip()
        for f in files
        if f.path in skipped_paths
        for t in f.added_text().values()
        if len(t.strip()) >= 20 and t.strip() not in backend_texts
    }

    seen: Counter[tuple[str, int]] = Counter()
    total = overhead = 0
    sent = ""
    for request in fake.requests:
        body = request.body
        before, _, _ = data_block(body)
        fixed = tokens("".join(json.dumps(t, sort_keys=True) for t in body["tools"]))
        fixed += tokens(json.dumps(body["system"], sort_keys=True)) + tokens(before)
        overhead += fixed
        total += fixed + tokens(request.user_text()) - tokens(before)
        sent += request.raw.decode()
        seen.update((s.path, s.number) for s in numbered_lines(body) if s.mark == "+")
    usage = result.stats.llm or {}
    counts = {
        key: int(str(usage.get(key, 0)))
        for key in (
            "input_tokens",
            "output_tokens",
            "cache_read_input_tokens",
            "cache_creation_input_tokens",
        )
    }
    all_input = (
        counts["input_tokens"]
        + counts["cache_read_input_tokens"]
        + counts["cache_creation_input_tokens"]
    )
    reading = sum(1 for u in fake.usages[1:] if u["cache_read_input_tokens"] > 0)
    uncached = {"input_tokens": all_input, "output_tokens": counts["output_tokens"]}
    covered = len(set(seen) & expected)
    return Figures(
        name=name,
        files=len(files),
        backend_files=len(backend),
        changed_lines=sum(len(f.added_lines) for f in files),
        changed_backend_lines=len(added),
        requests=len(fake.requests),
        input_tokens=all_input,
        tokens_per_1000_backend_lines=round(all_input * 1000 / max(len(added), 1)),
        overhead_share=round(overhead / max(total, 1), 4),
        cache_read_share=round(counts["cache_read_input_tokens"] / max(all_input, 1), 4),
        requests_reading_cache=f"{reading}/{max(len(fake.requests) - 1, 0)}",
        coverage=round(covered / max(len(expected), 1), 4),
        lines_sent_twice=sum(1 for n in seen.values() if n > 1),
        non_backend_bytes_sent=_non_backend_bytes(skipped_texts, sent),
        output_tokens=counts["output_tokens"],
        estimated_cost_usd=estimated_cost(model, counts),
        cost_without_cache_usd=estimated_cost(model, uncached),
        files_not_reviewed=len(list(usage.get("files_not_reviewed", []) or [])),  # type: ignore[call-overload]
        schema_tables=f"{usage.get('schema_tables_sent', 0)}/"
        f"{usage.get('schema_tables_touched', 0)}",
        schema_tokens_per_request=int(str(usage.get("schema_tokens_per_request", 0))),
    )


def _print(figures: list[Figures]) -> None:
    rows = [
        ("files (backend)", lambda f: f"{f.files} ({f.backend_files})"),
        ("changed lines (backend)", lambda f: f"{f.changed_lines} ({f.changed_backend_lines})"),
        ("requests", lambda f: str(f.requests)),
        ("input tokens", lambda f: f"{f.input_tokens:,}"),
        ("input tokens / 1,000 backend lines", lambda f: f"{f.tokens_per_1000_backend_lines:,}"),
        ("fixed overhead share", lambda f: f"{f.overhead_share:.1%}"),
        ("served from cache", lambda f: f"{f.cache_read_share:.1%}"),
        ("later requests reading the cache", lambda f: f.requests_reading_cache),
        ("coverage of changed backend lines", lambda f: f"{f.coverage:.1%}"),
        ("backend lines sent twice", lambda f: str(f.lines_sent_twice)),
        ("bytes of non-backend files sent", lambda f: str(f.non_backend_bytes_sent)),
        ("estimated cost (list price)", lambda f: f"${f.estimated_cost_usd or 0:.4f}"),
        ("same without prompt caching", lambda f: f"${f.cost_without_cache_usd or 0:.4f}"),
        ("files not reviewed (ceiling)", lambda f: str(f.files_not_reviewed)),
        ("schema tables sent / touched", lambda f: f.schema_tables),
        ("schema tokens per request", lambda f: f"{f.schema_tokens_per_request:,}"),
    ]
    names = [f.name for f in figures]
    print("| measure | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for label, cell in rows:
        print(f"| {label} | " + " | ".join(cell(f) for f in figures) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="claude-sonnet-4-6")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    fake = FakeAnthropic().start()
    os.environ["ANTHROPIC_BASE_URL"] = fake.url
    os.environ["ANTHROPIC_API_KEY"] = "sk-ant-bench-not-a-real-key"
    try:
        figures = [
            measure("typical PR (7 files)", typical_pr(), fake, args.model),
            measure("typical PR, cache warm", typical_pr(), fake, args.model, warm=True),
            measure(
                "typical PR + repository schema",
                typical_pr(),
                fake,
                args.model,
                schema_files=repository_schema(),
            ),
            measure("large PR (generated)", large_pr(), fake, args.model),
        ]
    finally:
        fake.stop()
    if args.json:
        print(json.dumps([asdict(f) for f in figures], indent=2))
    else:
        _print(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
