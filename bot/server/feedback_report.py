"""Feedback as numbers: `bastion stats`, and the per-rule gauges `/metrics` shows.

The counts live in the store (written by the workers); the gauges are refreshed from
it on each scrape, so the receiver shows what every worker process recorded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.feedback import KINDS, RuleStats

FEEDBACK_HELP = (
    "Feedback on Bastion's findings per repository, rule and kind "
    "(accepted = 👍, rejected = 👎, replied, fixed = thread resolved by a push, ignored)."
)
PRECISION_HELP = "(👍 + fixed) / (👍 + fixed + 👎 + ignored) per repository and rule."


def feedback_exposition(stats: Sequence[RuleStats]) -> bytes:
    """`bastion_rule_feedback` and `bastion_rule_precision` in the exposition format,
    built from the store on each scrape in a registry of their own: under `bastion
    serve` the default registry is prometheus_client's multiprocess files, where a
    gauge set here would gain a `pid` label and keep rules the store no longer has."""
    feedback = GaugeMetricFamily(
        "bastion_rule_feedback", FEEDBACK_HELP, labels=["repo", "rule", "kind"]
    )
    precision = GaugeMetricFamily("bastion_rule_precision", PRECISION_HELP, labels=["repo", "rule"])
    for item in stats:
        for kind in KINDS:
            feedback.add_metric([item.repo, item.rule, kind], item.n(kind))
        if item.precision is not None:
            precision.add_metric([item.repo, item.rule], item.precision)

    class _Snapshot(Collector):
        def collect(self) -> Iterator[Metric]:
            yield feedback
            yield precision

    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Snapshot())
    return generate_latest(registry)


def precision_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def stats_table(stats: Sequence[RuleStats]) -> str:
    """One line per (repository, rule): the counts and the precision estimate."""
    if not stats:
        return "no feedback recorded yet"
    header = ("repo", "rule", "accepted", "rejected", "ignored", "fixed", "replied", "precision")
    rows = [header] + [
        (
            s.repo,
            s.rule,
            str(s.n("accepted")),
            str(s.n("rejected")),
            str(s.n("ignored")),
            str(s.n("fixed")),
            str(s.n("replied")),
            precision_text(s.precision),
        )
        for s in stats
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def stats_command(args: argparse.Namespace) -> int:
    """`bastion stats [--repo R]`: per-rule feedback from the store beside the ledger."""
    from bot.server.feedback_store import open_feedback
    from bot.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"bastion: error: {exc}", file=sys.stderr)
        return 2
    where = settings.queue_url or str(settings.data_dir)
    try:
        store = open_feedback(settings.queue_url, settings.data_dir)
        try:
            stats = store.stats(args.repo)
        finally:
            store.close()
    except Exception as exc:  # noqa: BLE001 - one line naming the store, no traceback
        print(f"bastion: error: cannot read the feedback store ({where}): {exc}", file=sys.stderr)
        return 2
    print(stats_table(stats))
    return 0
