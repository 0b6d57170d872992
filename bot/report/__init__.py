"""Reporters: one findings model (`ReviewResult`), several outputs. Pure functions
from a result to text; none of them does I/O or knows GitHub exists."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot.models import ReviewResult
from bot.report import json_report, markdown, sarif, text

if TYPE_CHECKING:
    from bot.rules.engine import Rule

FORMATS = ("text", "json", "sarif", "markdown")


def render(
    result: ReviewResult,
    fmt: str,
    *,
    color: bool = False,
    rules: Mapping[str, Rule] | None = None,
) -> str:
    """Render a result as `text`, `json`, `sarif` or `markdown`. Markdown here is the
    standalone report (every finding listed); the PR review body is
    `markdown.render(result)`."""
    if fmt == "text":
        return text.render(result, color=color)
    if fmt == "json":
        return json_report.render(result)
    if fmt == "sarif":
        return sarif.render(result, rules)
    if fmt == "markdown":
        return markdown.render(result, include_inline=True)
    raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "render"]
