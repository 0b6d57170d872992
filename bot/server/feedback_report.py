"""Feedback as numbers: `bastion stats`, and the per-rule gauges `/metrics` shows.

The counts live in the store (written by the workers); the gauges are refreshed from
it on each scrape, so the receiver shows what every worker process recorded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from prometheus_client import Gauge

from bot.feedback import KINDS, RuleStats

RULE_FEEDBACK = Gauge(
    "bastion_rule_feedback",
    "Feedback on Bastion's findings per repository, rule and kind "
    "(accepted = 👍, rejected = 👎, replied, fixed = thread resolved by a push, ignored).",
    ["repo", "rule", "kind"],
)
RULE_PRECISION = Gauge(
    "bastion_rule_precision",
    "(👍 + fixed) / (👍 + fixed + 👎 + ignored) per repository and rule.",
    ["repo", "rule"],
)


def refresh_gauges(stats: Sequence[RuleStats]) -> None:
    RULE_FEEDBACK.clear()
    RULE_PRECISION.clear()
    for item in stats:
        for kind in KINDS:
            RULE_FEEDBACK.labels(repo=item.repo, rule=item.rule, kind=kind).set(item.n(kind))
        if item.precision is not None:
            RULE_PRECISION.labels(repo=item.repo, rule=item.rule).set(item.precision)


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
