"""Job outcomes feed the Prometheus metrics the README promises."""

from __future__ import annotations

from prometheus_client import REGISTRY

from bot.github.job import JobOutcome
from bot.server.worker import record_outcome_metrics


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_findings_posted_and_llm_tokens_are_counted() -> None:
    before_sec = _value("bastion_findings_posted_total", category="security")
    before_in = _value("bastion_llm_tokens_total", kind="input")
    before_out = _value("bastion_llm_tokens_total", kind="output")
    outcome = JobOutcome(
        status="posted",
        findings_posted={"security": 2, "indexing": 1},
        usage={"input_tokens": 100, "cache_read_input_tokens": 50, "output_tokens": 7},
    )
    record_outcome_metrics(outcome)
    assert _value("bastion_findings_posted_total", category="security") == before_sec + 2
    assert _value("bastion_llm_tokens_total", kind="input") == before_in + 150
    assert _value("bastion_llm_tokens_total", kind="output") == before_out + 7
