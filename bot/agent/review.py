"""The Reviewer: plan requests, call Claude, and keep only findings that hold up.

A model's finding reaches the pipeline only when its path is a file of the
request it answers, its line is a numbered line of that request, and its quote
is the text of that line. A finding whose number is off but whose quote matches
another line of the same hunk moves to that line. Everything rejected is
counted by reason in the usage stats; nothing the model writes can change which
files are reviewed or how the review is published.
"""

from __future__ import annotations

import html
import json
import logging
import secrets
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import SecretStr, ValidationError

from bot import lazyre as re
from bot.agent.client import LlmError, Reply, make_client, run_sync, send
from bot.agent.definitions import AgentDefinition
from bot.agent.pricing import cache_minimum, estimated_cost
from bot.agent.prompt import LINE_TEXT_LIMIT, Piece, Plan, PlannedRequest, plan_review
from bot.agent.schema import HintConfirmation, HintDismissal, ModelFinding
from bot.agent.tables import current_schema_lines
from bot.anchor import MAX_SPAN_LINES
from bot.config import RepoConfig
from bot.models import Category, ChangedFile, Finding, Severity, Source
from bot.pipeline import AgentOutcome

if TYPE_CHECKING:
    from anthropic import AsyncAnthropic

log = logging.getLogger("bastion.agent")

MIN_CONFIDENCE = 0.5
_SPACE = re.compile(r"\s+")
# What a model sometimes copies along with the text: "  42 +|".
_RENDERED_PREFIX = re.compile(r"^\s*\d*\s*[+\- ]?\|")


# ---------------------------------------------------------------- validation


def _normalized(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def quote_matches(quote: str, text: str) -> bool:
    """The quote is the line (whitespace aside), or a distinctive part of it."""
    wanted = _normalized(_RENDERED_PREFIX.sub("", quote, count=1))
    actual = _normalized(text)
    if not wanted or not actual:
        return False
    if wanted == actual:
        return True
    if len(actual) > LINE_TEXT_LIMIT and actual.startswith(wanted.removesuffix("…[truncated]")):
        return True
    return len(wanted) >= 12 and wanted in actual


@dataclass
class Shown:
    """What one request showed of one file: its numbered lines, by hunk."""

    file: ChangedFile
    text: dict[int, str] = field(default_factory=dict)
    hunk_of: dict[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, pieces: Sequence[Piece]) -> Shown:
        shown = cls(pieces[0].file)
        for piece in pieces:
            for s in piece.slices:
                for ln in piece.file.hunks[s.hunk].lines[s.start : s.end]:
                    if ln.new_no is not None:
                        shown.text[ln.new_no] = ln.text
                        shown.hunk_of[ln.new_no] = s.hunk
        return shown

    def same_hunk(self, line: int) -> list[int]:
        hunk = self.hunk_of.get(line)
        return sorted(n for n, h in self.hunk_of.items() if h == hunk)


@dataclass
class Verdict:
    findings: list[Finding] = field(default_factory=list)
    dismissed: dict[tuple[str, str, int], str] = field(default_factory=dict)
    rejected: Counter[str] = field(default_factory=Counter)
    reanchored: int = 0
    confirmed: int = 0


def _place(item: ModelFinding, shown: Shown) -> tuple[int, int] | str:
    """(line, end_line) on lines this request showed, or the reason the finding is rejected."""
    line = item.line
    if line not in shown.hunk_of:
        return "line_not_in_diff"
    if not quote_matches(item.quote, shown.text[line]):
        candidates = [n for n in shown.same_hunk(line) if quote_matches(item.quote, shown.text[n])]
        if not candidates:
            return "quote_mismatch"
        line = min(candidates, key=lambda n: (abs(n - item.line), n))
    end = item.end_line if item.end_line is not None else item.line
    end = max(line, end + (line - item.line))
    hunk_lines = set(shown.same_hunk(line))
    last = line
    while last + 1 <= end and last + 1 in hunk_lines:
        last += 1
    return line, last


def _outside_diff(item: ModelFinding, file: ChangedFile) -> tuple[int, int] | str:
    """A finding on a line the diff does not show is kept when its quote is that line
    of the file: anchoring then lists it in the summary with the reason."""
    text = file.line_text(item.line)
    if text is None or not quote_matches(item.quote, text):
        return "line_not_in_diff"
    # Within the file and a bounded span: the range is the model's word, and may claim
    # any line.
    end = min(item.end_line or item.line, item.line + MAX_SPAN_LINES)
    while end > item.line and file.line_text(end) is None:
        end -= 1
    return item.line, max(item.line, end)


def _as_list(value: object) -> list[object] | None:
    # Models now and then send an array as its JSON text; the items are still checked.
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return list(value) if isinstance(value, list) else None


def _to_finding(item: ModelFinding, file: ChangedFile, line: int, end: int) -> Finding:
    moved = (line, end) != (item.line, item.end_line or item.line)
    suggestion = item.suggestion if item.suggestion and not moved else None
    return Finding(
        path=file.path,
        line=line,
        end_line=end,
        category=Category(item.category),
        severity=Severity(item.severity),
        rule=f"llm-{item.category}",
        title=_normalized(item.title)[:120],
        body=item.body.strip(),
        suggestion=suggestion,
        source=Source.LLM,
        sources=[Source.LLM],
        confidence=item.confidence,
        cwe=item.cwe,
        cites=_normalized(item.rule)[:80] or None if item.rule else None,
    )


def _confirmation(hint: Finding, note: str) -> Finding:
    """The model's agreement with a rule hint: its note joins that finding's comment."""
    return Finding(
        path=hint.path,
        line=hint.line,
        end_line=hint.end_line,
        category=hint.category,
        severity=hint.severity,
        rule=f"llm-{hint.category.value}",
        title=hint.title,
        body=note.strip(),
        source=Source.LLM,
        sources=[Source.LLM],
        cwe=hint.cwe,
        cites=hint.rule,
    )


def validate_reply(
    tool_input: object, request: PlannedRequest, categories: Sequence[Category]
) -> Verdict:
    """Turn one reply's tool input into findings and dismissals that hold up."""
    verdict = Verdict()
    if not isinstance(tool_input, Mapping):
        verdict.rejected["malformed_reply"] += 1
        return verdict
    by_path: dict[str, list[Piece]] = {}
    for piece in request.pieces:
        by_path.setdefault(piece.path, []).append(piece)
    escaped = {html.escape(path, quote=True): path for path in by_path}
    wanted = {c.value for c in categories}
    items = _as_list(tool_input.get("findings", []))
    if items is None:
        verdict.rejected["malformed_reply"] += 1
        items = []
    seen: set[tuple[str, int, str, str]] = set()
    for raw in items:
        try:
            item = ModelFinding.model_validate(raw)
        except ValidationError:
            verdict.rejected["wrong_type"] += 1
            continue
        path = item.path if item.path in by_path else escaped.get(item.path)
        if path is None:
            verdict.rejected["path_not_in_request"] += 1
            continue
        if item.category not in wanted:
            verdict.rejected["category_not_requested"] += 1
            continue
        if item.confidence < MIN_CONFIDENCE:
            verdict.rejected["low_confidence"] += 1
            continue
        shown = Shown.of(by_path[path])
        placed = _place(item, shown)
        if placed == "line_not_in_diff":
            placed = _outside_diff(item, shown.file)
        if isinstance(placed, str):
            log.info("AI finding not kept: %r on %s: %s", item.title[:120], path, placed)
            verdict.rejected[placed] += 1
            continue
        line, end = placed
        # Only a repeat of the same problem is a duplicate: two problems on one line stay two.
        key = (path, line, item.category, _normalized(item.title).lower())
        if key in seen:
            verdict.rejected["duplicate"] += 1
            continue
        seen.add(key)
        if line != item.line:
            verdict.reanchored += 1
        verdict.findings.append(_to_finding(item, shown.file, line, end))
    _dismissals(tool_input.get("dismissed_hints", []), request, verdict)
    _confirmations(tool_input.get("confirmed_hints", []), request, verdict)
    return verdict


def _confirmations(value: object, request: PlannedRequest, verdict: Verdict) -> None:
    for raw in _as_list(value) or []:
        try:
            item = HintConfirmation.model_validate(raw)
        except ValidationError:
            verdict.rejected["wrong_type"] += 1
            continue
        hint = request.hints.get(item.hint)
        if hint is None:
            verdict.rejected["unknown_hint"] += 1
            continue
        if (hint.rule, hint.path, hint.line) in verdict.dismissed:
            verdict.rejected["confirmed_and_dismissed"] += 1
            continue
        verdict.confirmed += 1
        verdict.findings.append(_confirmation(hint, item.note))


def _dismissals(value: object, request: PlannedRequest, verdict: Verdict) -> None:
    for raw in _as_list(value) or []:
        try:
            item = HintDismissal.model_validate(raw)
        except ValidationError:
            verdict.rejected["wrong_type"] += 1
            continue
        hint = request.hints.get(item.hint)
        if hint is None:
            verdict.rejected["unknown_hint"] += 1
            continue
        verdict.dismissed[(hint.rule, hint.path, hint.line)] = _normalized(item.reason)[:300]


# ---------------------------------------------------------------- usage and notes


@dataclass
class Tally:
    usage: Counter[str] = field(default_factory=Counter)
    requests: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    reanchored: int = 0
    dismissed: int = 0
    confirmed: int = 0

    def add(self, reply: Reply) -> None:
        self.usage.update(reply.usage)
        self.requests += 1


def usage_summary(tally: Tally, model: str, cost: float | None) -> str:
    total_in = (
        tally.usage["input_tokens"]
        + tally.usage["cache_read_input_tokens"]
        + tally.usage["cache_creation_input_tokens"]
    )
    price = f"~${cost:.4f}" if cost is not None else "cost unknown for this model"
    plural = "" if tally.requests == 1 else "s"
    return (
        f"AI review ({model}): {tally.requests} request{plural}, {total_in:,} input tokens "
        f"({tally.usage['cache_read_input_tokens']:,} read from cache), "
        f"{tally.usage['output_tokens']:,} output tokens, {price}."
    )


def _reasons(counter: Counter[str]) -> str:
    return ", ".join(f"{reason.replace('_', ' ')}: {n}" for reason, n in counter.most_common())


# ---------------------------------------------------------------- the reviewer


@dataclass
class AgentReviewer:
    """The LLM engine the pipeline calls (`bot.pipeline.Reviewer`)."""

    agent: AgentDefinition
    model: str
    api_key: SecretStr | None = field(default=None, repr=False)
    base_url: str | None = None
    max_retries: int = 2
    # Notes every review carries (a repo's malformed agent file ...).
    warnings: list[str] = field(default_factory=list)

    def review(
        self, files: Sequence[ChangedFile], hints: Sequence[Finding], config: RepoConfig
    ) -> AgentOutcome:
        try:
            return self._review(files, hints, config)
        except Exception as exc:  # the pipeline must publish the rule findings regardless
            log.exception("AI review failed")
            return AgentOutcome(
                ran=False,
                notes=[
                    *self.warnings,
                    f"AI review did not run: internal error ({type(exc).__name__}).",
                ],
            )

    def client(self, timeout_s: float) -> AsyncAnthropic:
        key = self.api_key.get_secret_value() if self.api_key is not None else None
        return make_client(
            api_key=key, base_url=self.base_url, timeout_s=timeout_s, max_retries=self.max_retries
        )

    def _review(
        self, files: Sequence[ChangedFile], hints: Sequence[Finding], config: RepoConfig
    ) -> AgentOutcome:
        categories = [c for c in config.categories if c in self.agent.categories]
        if not categories:
            return self._not_run("the agent reviews none of the configured categories")
        plan = plan_review(
            files,
            hints,
            self.agent,
            model=self.model,
            categories=categories,
            request_budget=config.llm.request_budget_tokens,
            review_budget=config.llm.review_budget_tokens,
            nonce=secrets.token_hex(8),
            schema=current_schema_lines(files) if Category.INDEXING in categories else (),
        )
        if plan.problem:
            return self._not_run(plan.problem)
        if not plan.requests and plan.not_reviewed:
            return self._not_run(
                f"the first request is larger than llm.review_budget_tokens "
                f"({config.llm.review_budget_tokens})"
            )
        results = run_sync(lambda: self._send_all(plan, config)) if plan.requests else []
        return self._outcome(plan, results, categories)

    async def _send_all(self, plan: Plan, config: RepoConfig) -> list[Reply | LlmError]:
        import asyncio

        timeout_s = config.llm.timeout_s
        client = self.client(timeout_s)
        try:

            async def one(request: PlannedRequest) -> Reply | LlmError:
                try:
                    return await send(
                        client, request.body, timeout_s=timeout_s, retries=self.max_retries
                    )
                except LlmError as exc:
                    return exc

            # The first request alone writes the prompt cache; the rest then read it.
            first = await one(plan.requests[0])
            if isinstance(first, LlmError):
                failed: list[Reply | LlmError] = [first] * len(plan.requests)
                return failed
            gate = asyncio.Semaphore(config.llm.max_concurrency)

            async def gated(request: PlannedRequest) -> Reply | LlmError:
                async with gate:
                    return await one(request)

            rest = await asyncio.gather(*(gated(r) for r in plan.requests[1:]))
            return [first, *rest]
        finally:
            await client.close()

    def _not_run(self, reason: str, usage: dict[str, object] | None = None) -> AgentOutcome:
        return AgentOutcome(
            ran=False, usage=usage, notes=[*self.warnings, f"AI review did not run: {reason}."]
        )

    def _outcome(
        self,
        plan: Plan,
        results: Sequence[Reply | LlmError],
        categories: Sequence[Category],
    ) -> AgentOutcome:
        tally = Tally()
        findings: list[Finding] = []
        dismissed: dict[tuple[str, str, int], str] = {}
        failed: dict[str, list[str]] = {}
        seen: set[tuple[str, int, str, str, str]] = set()
        for request, result in zip(plan.requests, results, strict=True):
            if isinstance(result, LlmError):
                failed.setdefault(result.reason, []).extend(request.paths)
                continue
            tally.add(result)
            if result.tool_input is None:
                tally.rejected["no_tool_call"] += 1
                failed.setdefault("the model answered without calling report_findings", []).extend(
                    request.paths
                )
                continue
            verdict = validate_reply(result.tool_input, request, categories)
            for finding in verdict.findings:
                key = (
                    finding.path,
                    finding.line,
                    finding.category.value,
                    finding.title.lower(),
                    finding.cites or "",
                )
                if key in seen:
                    verdict.rejected["duplicate"] += 1
                    continue
                seen.add(key)
                findings.append(finding)
            dismissed.update(verdict.dismissed)
            tally.rejected.update(verdict.rejected)
            tally.reanchored += verdict.reanchored
            tally.confirmed += verdict.confirmed
        tally.dismissed = len(dismissed)
        not_reviewed = list(
            dict.fromkeys([*plan.not_reviewed, *(p for ps in failed.values() for p in ps)])
        )
        usage = self._usage(plan, tally, not_reviewed)
        log.info("AI review usage: %s", json.dumps(usage, default=str))
        if tally.requests == 0:
            reason = next(iter(failed), "no request succeeded")
            return self._not_run(reason, usage)
        notes = [*self.warnings, usage_summary(tally, self.model, _cost(usage))]
        if plan.not_reviewed:
            notes.append(
                "Files not reviewed by the AI (token ceiling llm.review_budget_tokens): "
                + ", ".join(plan.not_reviewed)
            )
        for reason, paths in failed.items():
            notes.append(
                f"Files not reviewed by the AI ({reason}): " + ", ".join(dict.fromkeys(paths))
            )
        if tally.requests > 1 and not tally.usage["cache_read_input_tokens"]:
            notes.append(
                f"The AI review's prompt was not served from cache (the {self.model} minimum is "
                f"{cache_minimum(self.model):,} tokens; the prefix is ~{plan.prefix_tokens:,})."
            )
        if tally.rejected:
            notes.append(
                f"AI findings discarded ({sum(tally.rejected.values())}): "
                + _reasons(tally.rejected)
            )
        return AgentOutcome(findings=findings, dismissed=dismissed, usage=usage, notes=notes)

    def _usage(self, plan: Plan, tally: Tally, not_reviewed: list[str]) -> dict[str, object]:
        counts = {
            key: int(tally.usage[key])
            for key in (
                "input_tokens",
                "output_tokens",
                "cache_read_input_tokens",
                "cache_creation_input_tokens",
            )
        }
        return {
            **counts,
            "requests": tally.requests,
            "requests_planned": len(plan.requests),
            "estimated_cost_usd": estimated_cost(self.model, counts),
            "model": self.model,
            "agent": self.agent.name,
            "prefix_tokens_estimate": plan.prefix_tokens,
            "files_not_reviewed": not_reviewed,
            "findings_rejected": dict(tally.rejected),
            "findings_reanchored": tally.reanchored,
            "hints_dismissed": tally.dismissed,
            "hints_confirmed": tally.confirmed,
            "schema_tables_sent": plan.schema_tables,
            "schema_tables_touched": plan.schema_touched,
            "schema_tokens_per_request": plan.schema_tokens,
        }


def _cost(usage: Mapping[str, Any]) -> float | None:
    value = usage.get("estimated_cost_usd")
    return float(value) if isinstance(value, int | float) else None
