"""The `--format json` output: the SPEC's shape, stable for other people's scripts."""

from __future__ import annotations

import json

from bot.models import ReviewResult

# The SPEC's keys come first, in its order; more may follow, none is renamed.
RESULT_KEYS = ("schema_version", "findings", "skipped", "stats")
FINDING_KEYS = (
    "path",
    "line",
    "end_line",
    "category",
    "severity",
    "rule",
    "title",
    "body",
    "suggestion",
    "source",
    "fingerprint",
)
STATS_KEYS = ("files_reviewed", "lines_reviewed", "duration_ms")


def _ordered(data: dict[str, object], first: tuple[str, ...]) -> dict[str, object]:
    head = {key: data[key] for key in first if key in data}
    return head | {key: value for key, value in data.items() if key not in head}


def to_dict(result: ReviewResult) -> dict[str, object]:
    """Plain JSON data; enums as their string values."""
    data = result.model_dump(mode="json")
    data["findings"] = [_ordered(f, FINDING_KEYS) for f in data["findings"]]
    data["stats"] = _ordered(data["stats"], STATS_KEYS)
    return _ordered(data, RESULT_KEYS)


def render(result: ReviewResult) -> str:
    # ASCII-only output can be written to any console encoding without failing.
    return json.dumps(to_dict(result), indent=2, ensure_ascii=True) + "\n"
