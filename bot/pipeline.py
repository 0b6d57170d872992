"""The one review path every entry uses: diff -> select -> engines -> merge -> anchor.

Pure apart from the engines it is handed: the caller provides post-change
contents (from git, from GitHub, or nothing) and, optionally, an LLM reviewer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.config import RepoConfig
from bot.consolidate import consolidate_findings
from bot.diff import parse_diff
from bot.models import (
    Category,
    ChangedFile,
    FileKind,
    FileStatus,
    Finding,
    ReviewResult,
    RuleError,
    Severity,
    SkippedFile,
    Stats,
)
from bot.select import select_backend

ContentLoader = Callable[[ChangedFile], str | None]


@dataclass
class AgentOutcome:
    """What an LLM reviewer returns to the pipeline."""

    findings: list[Finding] = field(default_factory=list)
    # Rule findings the model judged false alarms: fingerprint-independent key
    # (rule, path, line) -> reason.
    dismissed: dict[tuple[str, str, int], str] = field(default_factory=dict)
    usage: dict[str, object] | None = None
    notes: list[str] = field(default_factory=list)
    ran: bool = True


class Reviewer(Protocol):
    """The LLM engine as the pipeline sees it (implemented in `bot.agent`)."""

    def review(
        self, files: Sequence[ChangedFile], hints: Sequence[Finding], config: RepoConfig
    ) -> AgentOutcome: ...


def review_files(
    files: Sequence[ChangedFile],
    config: RepoConfig | None = None,
    *,
    categories: Iterable[Category] | None = None,
    agent: Reviewer | None = None,
    agent_off_reason: str | None = None,
    skipped: Sequence[SkippedFile] = (),
    load_content: ContentLoader | None = None,
    load_base_content: ContentLoader | None = None,
    started: float | None = None,
) -> ReviewResult:
    """Review already-parsed files (the App and the Action fetch them from GitHub)."""
    from bot.rules.engine import run_rules  # the analyzers load only when a review runs

    started = time.perf_counter() if started is None else started
    config = config or RepoConfig()
    wanted = set(categories) if categories else set(config.categories)
    backend, skipped_now = select_backend(files, config.paths, load_content)
    if load_base_content is not None:
        backend = [_with_base(f, load_base_content) for f in backend]
    all_skipped = [*skipped, *skipped_now]
    by_path = {f.path: f for f in backend}
    notes: list[str] = []

    run = run_rules(backend, config.rules)
    rule_findings = [f for f in run.findings if f.category in wanted]
    errors: list[RuleError] = list(run.errors)
    engines = ["rules"]
    llm_findings: list[Finding] = []
    usage: dict[str, object] | None = None
    if agent is not None and backend:
        outcome = agent.review(backend, rule_findings, config)
        usage = outcome.usage
        notes.extend(outcome.notes)
        if outcome.ran:
            engines.append("llm")
        llm_findings = [f for f in outcome.findings if f.category in wanted]
        if outcome.dismissed:
            rule_findings = [_mark_dismissed(f, outcome.dismissed) for f in rule_findings]
    elif agent_off_reason:
        notes.append(f"AI review did not run: {agent_off_reason}.")

    findings = consolidate_findings(rule_findings, llm_findings, by_path)
    findings = [_place(f, config) for f in findings]
    findings.sort(key=lambda f: (f.path, f.line, -f.severity.rank, f.rule))
    if errors:
        notes.append(
            "Some checks failed and were skipped: "
            + "; ".join(f"{e.rule} on {e.path or 'all files'} ({e.error})" for e in errors[:5])
        )
    stats = Stats(
        files_reviewed=len(backend),
        lines_reviewed=sum(len(f.added_lines) for f in backend),
        duration_ms=int((time.perf_counter() - started) * 1000),
        files_skipped=len(all_skipped),
        engines=engines,
        rule_errors=errors,
        llm=usage,
    )
    return ReviewResult(findings=findings, skipped=all_skipped, stats=stats, notes=notes)


def _with_base(file: ChangedFile, load: ContentLoader) -> ChangedFile:
    """Rules that compare versions (API descriptions) need the pre-change file."""
    if file.kind is not FileKind.API_SPEC or file.base_content is not None:
        return file
    if file.status not in (FileStatus.MODIFIED, FileStatus.RENAMED):
        return file
    return file.model_copy(update={"base_content": load(file)})


def _mark_dismissed(finding: Finding, dismissed: Mapping[tuple[str, str, int], str]) -> Finding:
    reason = dismissed.get((finding.rule, finding.path, finding.line))
    return finding if reason is None else finding.model_copy(update={"dismissed": reason})


def _place(finding: Finding, config: RepoConfig) -> Finding:
    """Decide inline or summary for an anchored finding. Findings under
    `min_severity`, and rule findings the AI review dismissed (unless high: a
    human decides those), stay in the result but go to the summary."""
    if not finding.inline:
        return finding
    if finding.dismissed and finding.severity is not Severity.HIGH:
        return finding.model_copy(
            update={
                "inline": False,
                "anchor_note": f"dismissed by the AI review: {finding.dismissed}",
            }
        )
    if not finding.severity.at_least(config.min_severity):
        return finding.model_copy(
            update={"inline": False, "anchor_note": f"below min_severity ({config.min_severity})"}
        )
    return finding


def review_diff(
    diff: bytes | str,
    config: RepoConfig | None = None,
    *,
    load_content: ContentLoader | None = None,
    load_base_content: ContentLoader | None = None,
    categories: Iterable[Category] | None = None,
    agent: Reviewer | None = None,
    agent_off_reason: str | None = None,
) -> ReviewResult:
    """Parse a unified diff and review it. Raises `DiffError` on a broken diff."""
    started = time.perf_counter()
    files = parse_diff(diff)
    return review_files(
        files,
        config,
        load_content=load_content,
        load_base_content=load_base_content,
        categories=categories,
        agent=agent,
        agent_off_reason=agent_off_reason,
        started=started,
    )
