"""Turning a review result into one GitHub review and one check run.

Everything here but `post_review` and `complete_check_run` is pure: bodies,
markers, placement (inline or summary), the review event, the check conclusion
and the annotation batches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from github import GithubException

from bot import lazyre as re
from bot.config import RepoConfig
from bot.feedback import rule_marker
from bot.github.client import GitHubClient
from bot.github.fetch import files_from_listing
from bot.models import ChangedFile, Finding, ReviewResult, Severity
from bot.report.markdown import cap, comment_text, render, sanitize

CHECK_NAME = "bastion"
ANNOTATIONS_PER_REQUEST = 50
MAX_COMMENT_CHARS = 60_000
MAX_CHECK_TEXT = 65_000
MARKER_BUDGET = 12_000  # room kept in the summary for hidden fingerprint markers

_FP_RE = re.compile(r"<!-- bastion:fp=([0-9a-f]{6,64}) -->")
_REVIEW_RE = re.compile(r"<!-- bastion:review head=([0-9A-Fa-f]{4,64}) run=([\w:.-]+) -->")
_LEVEL = {
    Severity.HIGH: "failure",
    Severity.MEDIUM: "warning",
    Severity.LOW: "notice",
    Severity.INFO: "notice",
}


def fp_marker(fingerprint: str) -> str:
    return f"<!-- bastion:fp={fingerprint} -->"


def fingerprints_in(body: str) -> list[str]:
    return _FP_RE.findall(body)


def review_marker(head_sha: str, run_key: str) -> str:
    return f"<!-- bastion:review head={head_sha} run={run_key} -->"


@dataclass
class PriorReviews:
    """What Bastion already posted on a PR, read back from its hidden markers."""

    fingerprints: set[str] = field(default_factory=set)
    runs: set[tuple[str, str]] = field(default_factory=set)  # (head SHA, run key)
    last_head: str | None = None
    authors: set[str] = field(default_factory=set)

    def reviewed(self, head_sha: str, run_key: str) -> bool:
        return (head_sha, run_key) in self.runs


def _login(item: Mapping[str, Any]) -> str:
    user = item.get("user")
    return str(user.get("login") or "") if isinstance(user, dict) else ""


def read_reviews(reviews: Iterable[Mapping[str, Any]]) -> PriorReviews:
    """Bastion's reviews are those whose body carries its review marker; their
    bodies also hold the fingerprints of findings listed in the summary."""
    prior = PriorReviews()
    for review in reviews:
        body = str(review.get("body") or "")
        match = _REVIEW_RE.search(body)
        if match is None:
            continue
        prior.runs.add((match.group(1), match.group(2)))
        prior.last_head = match.group(1)
        prior.authors.add(_login(review))
        prior.fingerprints.update(_FP_RE.findall(body))
    return prior


def read_comments(prior: PriorReviews, comments: Iterable[Mapping[str, Any]]) -> None:
    """Add the fingerprints of Bastion's inline comments. Only comments by the
    account that wrote Bastion's reviews count, so nobody can silence a finding
    by pasting a marker."""
    for comment in comments:
        if _login(comment) in prior.authors:
            prior.fingerprints.update(_FP_RE.findall(str(comment.get("body") or "")))


# -- bodies ---------------------------------------------------------------------


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def comment_body(finding: Finding) -> str:
    """An inline comment: title line, explanation, suggestion, hidden marker.
    Finding text is untrusted, so it cannot carry markers or mentions through."""
    text = cap(comment_text(finding), MAX_COMMENT_CHARS)
    parts = [text.rstrip()]
    if finding.suggestion is not None and len(finding.suggestion) < MAX_COMMENT_CHARS // 4:
        fence = _fence(finding.suggestion)
        parts.append(f"{fence}suggestion\n{finding.suggestion.rstrip(chr(10))}\n{fence}")
    parts.append(fp_marker(finding.fingerprint) + rule_marker(finding.rule))
    return "\n\n".join(parts)


def comment_payload(finding: Finding) -> dict[str, Any]:
    """A review comment on RIGHT-side lines; a range uses `start_line` too."""
    payload: dict[str, Any] = {
        "path": finding.path,
        "body": comment_body(finding),
        "line": finding.end_line,
        "side": "RIGHT",
    }
    if finding.line < finding.end_line:
        payload["start_line"] = finding.line
        payload["start_side"] = "RIGHT"
    return payload


def place(
    findings: Sequence[Finding], config: RepoConfig, demoted: Mapping[str, str]
) -> list[Finding]:
    """Decide which new findings go inline: at most `max_comments`, worst first;
    `demoted` ones (GitHub would not take them) go to the summary with the reason."""
    out: list[Finding] = []
    candidates: list[Finding] = []
    for finding in findings:
        if finding.inline and finding.fingerprint in demoted:
            out.append(to_summary(finding, demoted[finding.fingerprint]))
        elif finding.inline:
            candidates.append(finding)
        else:
            out.append(finding)
    candidates.sort(key=lambda f: (-f.severity.rank, f.path, f.line))
    limit = config.max_comments
    out.extend(candidates[:limit])
    note = f"over the limit of {limit} inline comments (max_comments)"
    out.extend(to_summary(f, note) for f in candidates[limit:])
    out.sort(key=lambda f: (f.path, f.line, -f.severity.rank, f.rule))
    return out


def to_summary(finding: Finding, note: str) -> Finding:
    return finding.model_copy(update={"inline": False, "anchor_note": note})


def review_event(findings: Iterable[Finding], config: RepoConfig) -> str:
    """COMMENT, or REQUEST_CHANGES when configured and a finding reaches `fail_on`.
    Never APPROVE: a bot's silence is not a human's approval."""
    threshold = config.fail_on.threshold()
    if config.review_event != "request_changes" or threshold is None:
        return "COMMENT"
    worst = any(f.severity.at_least(threshold) for f in findings)
    return "REQUEST_CHANGES" if worst else "COMMENT"


def summary_body(
    result: ReviewResult,
    placed: Sequence[Finding],
    *,
    head_sha: str,
    run_key: str,
    title: str,
    notes: Sequence[str] = (),
) -> str:
    """The review body: the markdown report of the new findings (the inline ones
    counted, the others listed), then hidden markers: the head SHA reviewed and
    the fingerprints of findings that live only in the summary."""
    shown = result.model_copy(update={"findings": list(placed), "notes": [*result.notes, *notes]})
    markers = [review_marker(head_sha, run_key)]
    room = MARKER_BUDGET
    for finding in placed:
        marker = fp_marker(finding.fingerprint)
        if finding.inline or room < len(marker):
            continue
        markers.append(marker)
        room -= len(marker) + 1
    text = render(shown, include_inline=False, title=title)
    return text.rstrip() + "\n\n" + "\n".join(markers) + "\n"


@dataclass
class ReviewDraft:
    payload: dict[str, Any]
    comment_fps: list[str]
    placed: list[Finding]


# (demoted fingerprints -> reason, summary only) -> the review to post
DraftBuilder = Callable[[Mapping[str, str], bool], ReviewDraft]


def draft_builder(
    result: ReviewResult,
    new: Sequence[Finding],
    config: RepoConfig,
    *,
    head_sha: str,
    run_key: str,
    title: str,
    notes: Sequence[str] = (),
) -> DraftBuilder:
    """A function from demoted fingerprints to the review to post; the 422
    recovery calls it again with the comments GitHub would not take."""

    def build(demoted: Mapping[str, str], summary_only: bool) -> ReviewDraft:
        if summary_only:
            demoted = {f.fingerprint: REJECTED_NOTE for f in new if f.inline}
        placed = place(new, config, demoted)
        inline = [f for f in placed if f.inline]
        body = summary_body(
            result, placed, head_sha=head_sha, run_key=run_key, title=title, notes=notes
        )
        payload = {
            "commit_id": head_sha,
            "body": body,
            "event": review_event(new, config),
            "comments": [comment_payload(f) for f in inline],
        }
        return ReviewDraft(payload, [f.fingerprint for f in inline], placed)

    return build


def offending(comments: Sequence[Mapping[str, Any]], files: Mapping[str, ChangedFile]) -> list[int]:
    """Indices of comments GitHub cannot place: a path not in the PR, a line not
    in any hunk, or a range that leaves its hunk."""
    bad: list[int] = []
    for index, comment in enumerate(comments):
        file = files.get(str(comment.get("path")))
        line = comment.get("line")
        hunk = file.hunk_of(line) if file is not None and isinstance(line, int) else None
        start = comment.get("start_line")
        if hunk is None or (isinstance(start, int) and start not in hunk.right_lines()):
            bad.append(index)
    return bad


REJECTED_NOTE = "GitHub would not place this comment on the diff"


def _recheck(build: DraftBuilder, files: Mapping[str, ChangedFile]) -> ReviewDraft:
    """Demote comments GitHub cannot place until none is left; demoting one may
    promote another from over the `max_comments` limit, so it is checked too."""
    demoted: dict[str, str] = {}
    draft = build(demoted, False)
    for _ in range(len(draft.payload["comments"]) + len(demoted) + 1):
        bad = offending(draft.payload["comments"], files)
        if not bad:
            break
        demoted.update({draft.comment_fps[i]: REJECTED_NOTE for i in bad})
        draft = build(demoted, False)
    return draft


def post_review(
    client: GitHubClient, number: int, build: DraftBuilder
) -> tuple[dict[str, Any], ReviewDraft]:
    """Post the review once. On 422, check each comment against the files as
    GitHub has them (not a blind re-post), move the offenders to the summary and
    post again; if that fails too, post the summary alone. The review always lands."""
    draft = build({}, False)
    try:
        return client.create_review(number, draft.payload), draft
    except GithubException as exc:
        if exc.status != 422 or not draft.comment_fps:
            raise
    github_files = {f.path: f for f in files_from_listing(client.pull_files(number)).files}
    rechecked = _recheck(build, github_files)
    if rechecked.comment_fps and rechecked.comment_fps != draft.comment_fps:
        try:
            return client.create_review(number, rechecked.payload), rechecked
        except GithubException as exc:
            if exc.status != 422:
                raise
    alone = build({}, True)
    return client.create_review(number, alone.payload), alone


# -- check run --------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_started(head_sha: str) -> dict[str, Any]:
    return {
        "name": CHECK_NAME,
        "head_sha": head_sha,
        "status": "in_progress",
        "started_at": _now(),
        "output": {"title": "Reviewing", "summary": "Bastion is reviewing the backend changes."},
    }


def conclusion(findings: Iterable[Finding], config: RepoConfig) -> str:
    threshold = config.fail_on.threshold()
    if threshold is None:
        return "success"
    return "failure" if any(f.severity.at_least(threshold) for f in findings) else "success"


def annotation(finding: Finding) -> dict[str, Any]:
    message = sanitize(finding.body, allow_ours=False, limit=4_000)
    return {
        "path": finding.path,
        "start_line": finding.line,
        "end_line": max(finding.end_line, finding.line),
        "annotation_level": _LEVEL[finding.severity],
        "title": sanitize(f"{finding.title} ({finding.rule})", allow_ours=False, limit=250),
        "message": message or finding.title,
    }


def check_title(findings: Sequence[Finding]) -> str:
    if not findings:
        return "No findings"
    counts = Counter(f.severity for f in findings)
    worst = ", ".join(f"{counts[s]} {s.value}" for s in Severity if counts[s])
    noun = "finding" if len(findings) == 1 else "findings"
    return f"{len(findings)} {noun} ({worst})"


def check_updates(
    findings: Sequence[Finding], config: RepoConfig, summary: str
) -> list[dict[str, Any]]:
    """PATCH bodies completing the check run: annotations 50 per request (GitHub's
    limit), the conclusion on the last one."""
    notes = [annotation(f) for f in findings]
    batches = [
        notes[i : i + ANNOTATIONS_PER_REQUEST]
        for i in range(0, len(notes), ANNOTATIONS_PER_REQUEST)
    ] or [[]]
    output = {"title": check_title(findings), "summary": summary[:MAX_CHECK_TEXT]}
    updates: list[dict[str, Any]] = [{"output": {**output, "annotations": b}} for b in batches]
    updates[-1].update(
        {"status": "completed", "conclusion": conclusion(findings, config), "completed_at": _now()}
    )
    return updates


def check_neutral(reason: str) -> dict[str, Any]:
    text = sanitize(reason, allow_ours=False, limit=1_000)
    return {
        "status": "completed",
        "conclusion": "neutral",
        "completed_at": _now(),
        "output": {"title": "Review could not complete", "summary": text},
    }
