"""Prometheus metrics, on the default registry so every part of the process adds to them.

Across processes: `bastion serve` runs its workers as child processes and sets
`PROMETHEUS_MULTIPROC_DIR` (before this module is imported anywhere) so that every
process writes its samples to files there; `render` then sums them, prometheus_client's
multiprocess mode. Counters and histograms add up over live and dead processes; the
in-flight gauge counts live processes only; the ledger gauges come from one process.

The GitHub side and the agent record their numbers through the helpers at the bottom
(`github_call`, `findings_posted`, `llm_tokens`) rather than touching the objects.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

WEBHOOKS = Counter(
    "bastion_webhooks_total", "Webhook deliveries by event and outcome.", ["event", "outcome"]
)
QUEUE_DEPTH = Gauge(
    "bastion_queue_depth",
    "Jobs queued and not yet running (ledger).",
    multiprocess_mode="mostrecent",
)
JOBS_RUNNING = Gauge(
    "bastion_jobs_running", "Jobs running now (ledger).", multiprocess_mode="mostrecent"
)
JOBS_IN_FLIGHT = Gauge(
    "bastion_jobs_in_flight",
    "Job attempts running now in live worker processes.",
    multiprocess_mode="livesum",
)
JOBS = Counter("bastion_jobs_total", "Finished job attempts by outcome.", ["outcome"])
DEAD_LETTERS = Gauge(
    "bastion_jobs_dead", "Dead-lettered jobs kept in the ledger.", multiprocess_mode="mostrecent"
)
WORKER_RESTARTS = Counter(
    "bastion_worker_restarts_total", "Worker processes restarted by `bastion serve`."
)
JOB_DURATION = Histogram(
    "bastion_job_duration_seconds",
    "Wall time of one job attempt, from claim to result.",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
)
GITHUB_CALLS = Counter("bastion_github_api_calls_total", "GitHub API calls by status.", ["status"])
GITHUB_ERRORS = Counter(
    "bastion_github_api_errors_total", "GitHub API calls that failed, by status.", ["status"]
)
FINDINGS_POSTED = Counter(
    "bastion_findings_posted_total", "Findings posted to pull requests by category.", ["category"]
)
LLM_TOKENS = Counter("bastion_llm_tokens_total", "LLM tokens used, by kind.", ["kind"])


def github_call(status: int | str) -> None:
    """Count one GitHub API call; `status` is the HTTP status or `network` for no answer."""
    label = str(status)
    GITHUB_CALLS.labels(status=label).inc()
    if not (label.isdigit() and int(label) < 400):
        GITHUB_ERRORS.labels(status=label).inc()


def findings_posted(categories: Iterable[str]) -> None:
    for category in categories:
        FINDINGS_POSTED.labels(category=str(category)).inc()


def llm_tokens(input_tokens: int = 0, output_tokens: int = 0) -> None:
    if input_tokens:
        LLM_TOKENS.labels(kind="input").inc(input_tokens)
    if output_tokens:
        LLM_TOKENS.labels(kind="output").inc(output_tokens)


def render(counts: dict[str, int] | None = None) -> tuple[bytes, str]:
    """The exposition text; `counts` (jobs per ledger state) refreshes the gauges first."""
    if counts is not None:
        QUEUE_DEPTH.set(counts.get("queued", 0))
        JOBS_RUNNING.set(counts.get("running", 0))
        DEAD_LETTERS.set(counts.get("dead", 0))
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def process_gone(pid: int) -> None:
    """Drop a dead worker process's live gauges (its counters keep counting)."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(pid)
