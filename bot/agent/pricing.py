"""Estimated cost of a review from its token usage.

Prices are US dollars per million tokens, as Anthropic listed them (late 2025).
They change: update the table, nothing else reads prices. A 5-minute cache write
costs 1.25x the input price and a cache read 0.1x.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Price:
    input: float
    output: float

    @property
    def cache_write(self) -> float:
        return self.input * 1.25

    @property
    def cache_read(self) -> float:
        return self.input * 0.1


# Longest prefix first wins, so dated ids (claude-sonnet-4-5-20250929) and
# aliases (claude-sonnet-4-5) share a row.
PRICES: dict[str, Price] = {
    "claude-opus-4-5": Price(5.0, 25.0),
    "claude-opus-4-1": Price(15.0, 75.0),
    "claude-opus-4": Price(15.0, 75.0),
    "claude-sonnet-4-6": Price(3.0, 15.0),
    "claude-sonnet-4-5": Price(3.0, 15.0),
    "claude-sonnet-4": Price(3.0, 15.0),
    "claude-3-7-sonnet": Price(3.0, 15.0),
    "claude-haiku-4-5": Price(1.0, 5.0),
    "claude-3-5-haiku": Price(0.8, 4.0),
}


def price_of(model: str, table: Mapping[str, Price] = PRICES) -> Price | None:
    for prefix in sorted(table, key=len, reverse=True):
        if model.startswith(prefix):
            return table[prefix]
    return None


def estimated_cost(model: str, usage: Mapping[str, int]) -> float | None:
    """Dollars for the summed usage of one review; None for a model not in the table."""
    price = price_of(model)
    if price is None:
        return None
    dollars = (
        usage.get("input_tokens", 0) * price.input
        + usage.get("output_tokens", 0) * price.output
        + usage.get("cache_creation_input_tokens", 0) * price.cache_write
        + usage.get("cache_read_input_tokens", 0) * price.cache_read
    ) / 1_000_000
    return round(dollars, 6)


# Shortest prefix the model caches (tokens); a shorter one is silently not cached.
CACHE_MINIMUM: dict[str, int] = {
    "claude-opus-4-6": 4096,
    "claude-opus-4-5": 4096,
    "claude-haiku-4-5": 4096,
    "claude-sonnet-4-6": 2048,
    "claude-3-5-haiku": 2048,
}
DEFAULT_CACHE_MINIMUM = 1024


def cache_minimum(model: str) -> int:
    for prefix in sorted(CACHE_MINIMUM, key=len, reverse=True):
        if model.startswith(prefix):
            return CACHE_MINIMUM[prefix]
    return DEFAULT_CACHE_MINIMUM
