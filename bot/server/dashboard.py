"""The operator page, `GET /dashboard`: recent reviews, per-rule feedback and precision,
queue depth and failed jobs. Server-rendered HTML (no script, no build step), laid out
for a phone as well as a desktop.

Off unless `BASTION_DASHBOARD_TOKEN` is set; then the token is required, as
`Authorization: Bearer <token>` or `?token=<token>` (a phone's browser cannot set
headers), compared in constant time. Everything shown comes from the ledger and the
feedback store and is escaped: repository names, rule ids and errors are outside input.
"""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from bot.feedback import RuleStats
from bot.server.feedback_report import precision_text
from bot.server.queue import JobQueue
from bot.server.store import JobRecord
from bot.settings import Settings

TOKEN_ENV = "BASTION_DASHBOARD_TOKEN"
RECENT = 30
FAILED = 20

_CSS = """
body{font:15px/1.4 system-ui,sans-serif;margin:0;padding:12px;color:#1b1f24;background:#f6f8fa}
h1{font-size:20px;margin:4px 0 12px}h2{font-size:16px;margin:20px 0 8px}
.cards{display:flex;flex-wrap:wrap;gap:8px}
.card{flex:1;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 10px;
min-width:60px}
.card b{display:block;font-size:22px}
.scroll{overflow-x:auto;background:#fff;border:1px solid #d0d7de;border-radius:6px}
table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;text-align:left;
border-bottom:1px solid #eaeef2;white-space:nowrap}th{background:#f6f8fa;font-weight:600}
td.err{white-space:normal;max-width:40ch;color:#a40e26}.muted{color:#57606a}
code{font-size:13px}
"""


def _outcome(rec: JobRecord) -> dict[str, Any]:
    try:
        data = json.loads(rec.outcome or "")
    except ValueError:  # cut short in the ledger, or not JSON: show what the record has
        return {}
    return data if isinstance(data, dict) else {}


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(ts))


def _cost(usage: Any) -> str:
    value = usage.get("estimated_cost_usd") if isinstance(usage, dict) else None
    return f"${value:.4f}" if isinstance(value, int | float) else "-"


def _findings(posted: Any) -> str:
    if not isinstance(posted, dict) or not posted:
        return "none"
    return ", ".join(f"{escape(str(k))} {escape(str(v))}" for k, v in sorted(posted.items()))


def review_rows(records: Sequence[JobRecord]) -> list[str]:
    rows = []
    for rec in records:
        out = _outcome(rec)
        if out.get("status") != "posted":
            continue
        sha = str(out.get("head_sha") or rec.head_sha or "")[:7] or "-"
        duration = out.get("duration_ms")
        took = f"{duration / 1000:.1f} s" if isinstance(duration, int | float) else "-"
        rows.append(
            "<tr>"
            f"<td>{escape(rec.repo)}</td><td>#{rec.pr}</td><td><code>{escape(sha)}</code></td>"
            f"<td>{_findings(out.get('findings_posted'))}</td>"
            f"<td>{escape(str(out.get('findings_found', '-')))}</td>"
            f"<td>{escape(str(out.get('threads_resolved', 0)))}</td><td>{took}</td>"
            f"<td>{_cost(out.get('usage'))}</td><td class=muted>{_when(rec.updated_at)}</td>"
            "</tr>"
        )
    return rows


def rule_rows(stats: Sequence[RuleStats]) -> list[str]:
    return [
        "<tr>"
        f"<td>{escape(s.repo)}</td><td><code>{escape(s.rule)}</code></td>"
        f"<td>{s.n('accepted')}</td><td>{s.n('rejected')}</td><td>{s.n('ignored')}</td>"
        f"<td>{s.n('fixed')}</td><td>{s.n('replied')}</td><td>{precision_text(s.precision)}</td>"
        "</tr>"
        for s in stats
    ]


def failed_rows(records: Sequence[JobRecord]) -> list[str]:
    return [
        "<tr>"
        f"<td>{escape(rec.repo)}</td><td>#{rec.pr}</td><td>{escape(rec.trigger)}</td>"
        f"<td>{rec.attempts}</td><td class=err>{escape((rec.error or '')[:300])}</td>"
        f"<td class=muted>{_when(rec.updated_at)}</td>"
        "</tr>"
        for rec in records
    ]


def _table(headers: Sequence[str], rows: list[str], empty: str) -> str:
    if not rows:
        return f"<p class=muted>{escape(empty)}</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<div class=scroll><table><tr>{head}</tr>{''.join(rows)}</table></div>"


def render_page(
    counts: dict[str, int],
    done: Sequence[JobRecord],
    dead: Sequence[JobRecord],
    stats: Sequence[RuleStats],
    now: float,
) -> str:
    """The whole page from what the ledger and the feedback store hold."""
    cards = "".join(
        f"<div class=card><span class=muted>{label}</span><b>{counts.get(state, 0)}</b></div>"
        for label, state in (
            ("queued", "queued"),
            ("running", "running"),
            ("done", "done"),
            ("failed", "dead"),
        )
    )
    reviews = _table(
        (
            "repo",
            "PR",
            "head",
            "posted (by category)",
            "found",
            "threads resolved",
            "duration",
            "LLM cost",
            "finished (UTC)",
        ),
        review_rows(done),
        "No review finished yet.",
    )
    rules = _table(
        ("repo", "rule", "accepted", "rejected", "ignored", "fixed", "replies", "precision"),
        rule_rows(stats),
        "No feedback recorded yet.",
    )
    failed = _table(
        ("repo", "PR", "trigger", "attempts", "error", "when (UTC)"),
        failed_rows(dead),
        "No failed jobs.",
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>Bastion</title><style>{_CSS}</style></head><body>"
        f"<h1>Bastion</h1><p class=muted>as of {_when(now)} UTC</p>"
        f"<h2>Queue</h2><div class=cards>{cards}</div>"
        f"<h2>Recent reviews</h2>{reviews}"
        f"<h2>Feedback per rule</h2>{rules}"
        f"<h2>Failed jobs</h2>{failed}"
        "</body></html>"
    )


def _token_ok(expected: str, request: Request) -> bool:
    header = request.headers.get("authorization", "")
    given = header[7:] if header.lower().startswith("bearer ") else ""
    given = given or request.query_params.get("token", "")
    return hmac.compare_digest(given.encode(), expected.encode())


def add_dashboard(
    app: FastAPI, settings: Settings, queue: JobQueue, feedback: Callable[[], Any]
) -> None:
    """`GET /dashboard` on the receiver; `feedback()` gives the feedback store."""
    secret = settings.dashboard_token
    token = secret.get_secret_value() if secret is not None else ""

    def collect() -> str:
        ledger = queue.ledger
        try:
            stats = feedback().stats()
        except Exception:  # noqa: BLE001 - the rest of the page is still worth showing
            stats = []
        return render_page(
            ledger.counts(),
            ledger.jobs(("done",), limit=RECENT),
            ledger.jobs(("dead",), limit=FAILED),
            stats,
            time.time(),
        )

    @app.get("/dashboard")
    async def dashboard(request: Request) -> Response:
        if not token:
            return PlainTextResponse(f"the dashboard is off: set {TOKEN_ENV}", status_code=404)
        if not _token_ok(token, request):
            return PlainTextResponse(
                "401: a valid dashboard token is required",
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="bastion"'},
            )
        page = await run_in_threadpool(collect)
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})
