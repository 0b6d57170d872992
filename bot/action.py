"""`bastion action`: one review inside a GitHub Actions workflow.

The workflow's event says which PR: `pull_request` / `pull_request_target`
(the PR in the payload), `issue_comment` (a slash command on a PR, checked like
the App checks it) or `workflow_dispatch` (its `pr` input). The review goes
through the same steps as the App's worker — diff and contents from the API,
config from the base branch, `review_files`, one review and one check run —
and then the Action's own outputs: the step summary, SARIF, step outputs and
the exit code.

Nothing from the PR is checked out or run: under `pull_request_target` the
token can write and secrets are present, so the PR's code is only ever read
through the API, as text.

A pull request from a fork gets a read-only token under `pull_request`. That is
not a failure: the findings go out as workflow-command annotations, in the step
summary and in SARIF.
"""

from __future__ import annotations

import json
import os
import sys
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from github import GithubException
from pydantic import ValidationError

from bot.config import CONFIG_PATH, FailOn
from bot.github.client import GitHubClient, describe, open_client
from bot.github.commands import command_candidate, ignore_reason, mentioned_slug, parse_command
from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.github.flow import PullInfo, Reviewed, ReviewRequest, Skipped, run_review
from bot.github.job import bot_identity, run_job
from bot.jobs import CommentCommand, ReviewJob
from bot.models import Category, Finding, ReviewResult, Severity
from bot.settings import Settings, SettingsError, load_settings

RUN_KEY = "action"
TITLE = "Bastion review"
PR_EVENTS = ("pull_request", "pull_request_target")
HANDLED_EVENTS = (*PR_EVENTS, "issue_comment", "workflow_dispatch")
REVIEWED_ACTIONS = ("opened", "reopened", "synchronize", "ready_for_review")
# Inputs of a composite action arrive as these variables (action.yml maps them);
# an input left empty arrives as an empty string, which means "not given".
OPTIONAL_ENV = (
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_BASE_URL",
    "BASTION_MODEL",
    "BASTION_CONFIG",
    "BASTION_FAIL_ON",
    "BASTION_CATEGORIES",
    "BASTION_SARIF_FILE",
)
_ANNOTATION_COMMAND = {
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "notice",
    Severity.INFO: "notice",
}
READ_ONLY_NOTE = (
    "The token is read-only here ({why}), so no review or check run was posted: "
    "the findings are reported as annotations, in this summary and in SARIF."
)


class ActionUsageError(Exception):
    """A wrong input or environment: one line, exit 2."""


# -- inputs -------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    config_path: str = CONFIG_PATH
    fail_on: FailOn | None = None
    categories: tuple[Category, ...] = ()
    sarif_file: Path | None = None


def _words(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if w]


def read_inputs(env: Mapping[str, str]) -> Inputs:
    fail_on_text = env.get("BASTION_FAIL_ON", "").strip().lower()
    try:
        fail_on = FailOn(fail_on_text) if fail_on_text else None
    except ValueError:
        choices = ", ".join(f.value for f in FailOn)
        raise ActionUsageError(f"fail-on {fail_on_text!r}: use one of {choices}") from None
    categories: list[Category] = []
    for word in _words(env.get("BASTION_CATEGORIES", "")):
        try:
            category = Category(word.lower())
        except ValueError:
            choices = ", ".join(c.value for c in Category)
            raise ActionUsageError(f"categories: unknown {word!r}: use {choices}") from None
        if category not in categories:
            categories.append(category)
    sarif = env.get("BASTION_SARIF_FILE", "").strip()
    config = env.get("BASTION_CONFIG", "").strip().lstrip("/") or CONFIG_PATH
    return Inputs(config, fail_on, tuple(categories), Path(sarif) if sarif else None)


def read_event(env: Mapping[str, str]) -> tuple[str, dict[str, Any]]:
    name = env.get("GITHUB_EVENT_NAME", "").strip()
    if not name:
        raise ActionUsageError("GITHUB_EVENT_NAME is not set: run `bastion action` in a workflow")
    path = env.get("GITHUB_EVENT_PATH", "").strip()
    if not path:
        raise ActionUsageError("GITHUB_EVENT_PATH is not set: run `bastion action` in a workflow")
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ActionUsageError(f"cannot read the event file {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise ActionUsageError(f"the event file {path} is not JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise ActionUsageError(f"the event file {path} does not hold a JSON object")
    return name, payload


# -- which PR -------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    repo: str
    number: int
    trigger: str  # a pull_request action, "manual" or "command"
    run_key: str = RUN_KEY
    read_only_reason: str | None = None
    comment: CommentCommand | None = None


@dataclass(frozen=True)
class Skip:
    reason: str


def _dig(data: Any, *path: str) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def fork_reason(event: str, payload: Mapping[str, Any]) -> str | None:
    """Why the token cannot write, known from the payload alone: `pull_request`
    from another repository (a fork, or one since deleted) runs read-only."""
    if event != "pull_request":
        return None
    head = _dig(payload, "pull_request", "head", "repo", "full_name")
    base = _dig(payload, "pull_request", "base", "repo", "full_name")
    if head is None:
        return "pull request from a deleted fork"
    if isinstance(base, str) and str(head).lower() != base.lower():
        return f"pull request from the fork {head}"
    return None


MAX_PR_NUMBER = 2**31 - 1
MAX_ID = 2**53 - 1


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _pr_number(value: Any, what: str) -> int:
    text = str(value if value is not None else "").strip().lstrip("#")
    # ASCII digits only: `isdigit` takes `²`, which `int` refuses; and a bounded count,
    # past which `int` refuses too (Python's 4,300-digit limit) or no PR is that large.
    if not (text.isascii() and text.isdigit() and len(text) <= 10):
        raise ActionUsageError(f"{what} must be a pull request number, got {_shown(value)}")
    if not 1 <= int(text) <= MAX_PR_NUMBER:
        raise ActionUsageError(f"{what} must be a pull request number, got {_shown(value)}")
    return int(text)


def _comment_id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise ActionUsageError(f"comment.id must be a comment id, got {_shown(value)}")
    return value


def choose_target(event: str, payload: Mapping[str, Any], repo: str) -> Target | Skip:
    """The PR to review and how, or why there is nothing to do."""
    if event in PR_EVENTS:
        action = str(payload.get("action") or "")
        if action not in REVIEWED_ACTIONS:
            return Skip(f"{event} {action or '(no action)'} is not reviewed")
        number = _pr_number(
            _dig(payload, "pull_request", "number") or payload.get("number"), "pull_request.number"
        )
        return Target(repo, number, action, read_only_reason=fork_reason(event, payload))
    if event == "workflow_dispatch":
        number = _pr_number(_dig(payload, "inputs", "pr"), "the workflow_dispatch input `pr`")
        return Target(repo, number, "manual")
    if event == "issue_comment":
        return _comment_target(payload, repo)
    return Skip(f"event {event} is not handled (use one of {', '.join(HANDLED_EVENTS)})")


def _comment_target(payload: Mapping[str, Any], repo: str) -> Target | Skip:
    if payload.get("action") != "created":
        return Skip(f"issue_comment {payload.get('action') or '(no action)'} does not trigger")
    issue, comment = payload.get("issue"), payload.get("comment")
    if not isinstance(issue, dict) or not isinstance(comment, dict):
        return Skip("issue_comment event without issue or comment")
    if not issue.get("pull_request"):
        return Skip("comment on an issue, not a pull request")
    user = comment.get("user") if isinstance(comment.get("user"), dict) else {}
    command = CommentCommand(
        comment_id=_comment_id(comment.get("id")),
        body=str(comment.get("body") or ""),
        author=str((user or {}).get("login") or ""),
        author_type=str((user or {}).get("type") or "User"),
    )
    reason = ignore_reason(command.author, command.author_type, command.body)
    if reason is not None:
        return Skip(reason)
    number = _pr_number(issue.get("number"), "issue.number")
    return Target(repo, number, "command", f"comment-{command.comment_id}", comment=command)


# -- the review -----------------------------------------------------------------------


@dataclass
class Report:
    """What the Action tells the workflow after a review."""

    result: ReviewResult
    fail_on: FailOn
    pr: PullInfo
    posted: str  # one line: what reached the PR
    annotated: bool = False  # the check run carries the annotations
    read_only_reason: str | None = None
    notes: list[str] = field(default_factory=list)


def run(target: Target, settings: Settings, token: str, inputs: Inputs) -> Report | Skip:
    client = open_client(token, settings, target.repo)
    try:
        return _run(client, target, settings, inputs)
    except GithubException as exc:
        raise PermanentJobError(describe(exc, f"{target.repo}#{target.number}")) from None
    finally:
        client.close()


def _run(client: GitHubClient, target: Target, settings: Settings, inputs: Inputs) -> Report | Skip:
    categories: Sequence[Category] = inputs.categories
    if target.comment is not None:
        decided = _command(client, target, settings)
        if isinstance(decided, Skip):
            return decided
        categories = decided or categories
    request = ReviewRequest(
        number=target.number,
        trigger=target.trigger,
        run_key=target.run_key,
        categories=tuple(categories),
        config_path=inputs.config_path,
        fail_on=inputs.fail_on,
        read_only=target.read_only_reason,
        review_when_done=True,  # every run reports its findings and exit code
        comment=target.comment,
    )
    # A runner's workspace is the checkout: the schema cache goes there only when asked.
    cache_dir = settings.data_dir if "data_dir" in settings.model_fields_set else None
    done = run_review(client, settings, request, cache_dir=cache_dir)
    if isinstance(done, Skipped):
        return Skip(done.message)
    return _report(done)


def _report(done: Reviewed) -> Report:
    notes = [] if done.config_error is None else [
        f"Config not used, defaults applied: {done.config_error}"
    ]  # fmt: skip
    fail_on, pr = done.config.fail_on, done.pr
    if done.read_only is not None:
        return Report(done.result, fail_on, pr, "", False, done.read_only, notes)
    if done.already:
        line = f"Already reviewed at {pr.head_sha[:7]}: nothing new was posted."
        return Report(done.result, fail_on, pr, line, False, None, notes)
    if done.refused is not None or done.posted is None:
        return Report(done.result, fail_on, pr, "", done.annotated, done.refused, notes)
    posted = done.posted
    line = f"Posted a review on #{pr.number}: {posted.new} new finding(s), {posted.inline} inline."
    return Report(done.result, fail_on, pr, line, done.annotated, None, notes)


def _command(
    client: GitHubClient, target: Target, settings: Settings
) -> tuple[Category, ...] | Skip:
    """`/review` runs here (the Action reports its result); the other commands
    are answered exactly as the App answers them."""
    comment = target.comment
    assert comment is not None
    if not command_candidate(comment.body):
        return Skip("no command in the comment")
    slug = bot_identity(client, settings) if mentioned_slug(comment.body) else None
    command = parse_command(comment.body, slug)
    if command is None:
        return Skip("no command in the comment")
    if command.kind != "review":
        job = ReviewJob(
            delivery_id=f"action-{comment.comment_id}",
            repo=target.repo,
            pr_number=target.number,
            trigger="command",
            comment=comment,
        )
        outcome = run_job(job, settings)
        return Skip(f"/{command.kind}: {outcome.status} {outcome.message}".strip())
    return command.categories


# -- what the workflow sees -------------------------------------------------------------


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_line(finding: Finding) -> str:
    """`::error file=…,line=…,endLine=…,title=…::message` (workflow command syntax)."""
    props = {
        "file": finding.path,
        "line": str(finding.line),
        "endLine": str(max(finding.end_line, finding.line)),
        "title": f"{finding.title} ({finding.rule})",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    message = finding.body.strip() or finding.title
    return f"::{_ANNOTATION_COMMAND[finding.severity]} {joined}::{escape_data(message)}"


def annotation_lines(findings: Iterable[Finding]) -> list[str]:
    ordered = sorted(findings, key=lambda f: (-f.severity.rank, f.path, f.line))
    return [annotation_line(f) for f in ordered if not f.dismissed]


def output_block(name: str, value: str, delimiter: str | None = None) -> str:
    """One `GITHUB_OUTPUT` entry in the heredoc form, safe for any value."""
    marker = delimiter or f"ghadelimiter_{uuid.uuid4()}"
    while marker in value:
        marker = f"ghadelimiter_{uuid.uuid4()}"
    return f"{name}<<{marker}\n{value}\n{marker}\n"


def failing(findings: Iterable[Finding], fail_on: FailOn) -> list[Finding]:
    threshold = fail_on.threshold()
    if threshold is None:
        return []
    return [f for f in findings if f.severity.at_least(threshold) and not f.dismissed]


def summary_text(report: Report) -> str:
    from bot.report.markdown import render, sanitize

    status = report.posted
    if report.read_only_reason is not None:
        status = READ_ONLY_NOTE.format(why=report.read_only_reason)
    shown = report.result
    if report.notes:
        shown = shown.model_copy(update={"notes": [*shown.notes, *report.notes]})
    head = f"PR #{report.pr.number} at `{report.pr.head_sha[:7]}`. {status}"
    body = render(shown, include_inline=True, title="Bastion")
    bad = len(failing(report.result.findings, report.fail_on))
    verdict = (
        f"**{bad} finding(s) at or above `{report.fail_on.value}`: the step fails.**"
        if bad
        else f"Nothing at or above `{report.fail_on.value}`."
    )
    return body.rstrip() + "\n\n" + sanitize(f"{head}\n\n{verdict}", allow_ours=False) + "\n"


def _append(env: Mapping[str, str], name: str, text: str) -> None:
    path = env.get(name, "").strip()
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise ActionUsageError(f"cannot write {name} ({path}): {exc.strerror}") from None


def write_sarif(path: Path, result: ReviewResult) -> None:
    from bot.report import render
    from bot.rules.engine import registry

    try:
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(result, "sarif", rules=registry().rules), encoding="utf-8")
    except OSError as exc:
        raise ActionUsageError(f"cannot write the SARIF file {path}: {exc.strerror}") from None


def deliver(report: Report, inputs: Inputs, env: Mapping[str, str]) -> int:
    """Annotations, summary, SARIF and outputs; the exit code per fail-on."""
    findings = report.result.findings
    if not report.annotated:
        # Nothing else put the findings on the diff view; workflow commands do.
        for line in annotation_lines(findings):
            print(line)
    if report.read_only_reason is not None:
        print(f"bastion: {READ_ONLY_NOTE.format(why=report.read_only_reason)}")
    elif report.posted:
        print(f"bastion: {report.posted}")
    _append(env, "GITHUB_STEP_SUMMARY", summary_text(report))
    if inputs.sarif_file is not None:
        write_sarif(inputs.sarif_file, report.result)
    high = sum(1 for f in findings if f.severity is Severity.HIGH and not f.dismissed)
    outputs = [
        output_block("findings", str(len(findings))),
        output_block("high", str(high)),
        output_block("sarif-file", str(inputs.sarif_file or "")),
    ]
    _append(env, "GITHUB_OUTPUT", "".join(outputs))
    bad = failing(findings, report.fail_on)
    print(f"bastion: {len(findings)} finding(s), {len(bad)} at or above {report.fail_on.value}")
    return 1 if bad else 0


def skipped(skip: Skip, inputs: Inputs, env: Mapping[str, str]) -> int:
    """Nothing reviewed: say why, and still set every output (empty SARIF when asked),
    so later steps that read them do not break."""
    print(f"bastion: nothing to review: {skip.reason}")
    from bot.report.markdown import sanitize

    _append(env, "GITHUB_STEP_SUMMARY", f"## Bastion\n\n{sanitize(skip.reason)}\n")
    if inputs.sarif_file is not None:
        write_sarif(inputs.sarif_file, ReviewResult())
    outputs = [
        output_block("findings", "0"),
        output_block("high", "0"),
        output_block("sarif-file", str(inputs.sarif_file or "")),
    ]
    _append(env, "GITHUB_OUTPUT", "".join(outputs))
    return 0


# -- entry ------------------------------------------------------------------------------


def _clean_environment() -> None:
    for name in OPTIONAL_ENV:
        if name in os.environ and not os.environ[name].strip():
            del os.environ[name]


def _settings() -> tuple[Settings, str]:
    try:
        settings = load_settings()
    except SettingsError as exc:
        raise ActionUsageError(str(exc)) from None
    if settings.github_token is None or not settings.github_token.get_secret_value():
        raise ActionUsageError("GITHUB_TOKEN is not set: pass the `github-token` input")
    return settings, settings.github_token.get_secret_value()


def _repository(env: Mapping[str, str], payload: Mapping[str, Any]) -> str:
    repo = env.get("GITHUB_REPOSITORY", "").strip() or str(
        _dig(payload, "repository", "full_name") or ""
    )
    if repo.count("/") != 1:
        raise ActionUsageError(f"GITHUB_REPOSITORY must be owner/name, got {repo!r}")
    return repo


def main(argv: Sequence[str] | None = None) -> int:
    _clean_environment()
    env = dict(os.environ)
    try:
        inputs = read_inputs(env)
        event, payload = read_event(env)
        target = choose_target(event, payload, _repository(env, payload))
        if isinstance(target, Skip):
            return skipped(target, inputs, env)
        settings, token = _settings()
        outcome = run(target, settings, token, inputs)
        if isinstance(outcome, Skip):
            return skipped(outcome, inputs, env)
        return deliver(outcome, inputs, env)
    except ActionUsageError as exc:
        print(f"::error title=Bastion::{escape_data(str(exc))}")
        print(f"bastion: error: {exc}", file=sys.stderr)
        return 2
    except (PermanentJobError, TransientGitHubError) as exc:
        print(f"::error title=Bastion::{escape_data(str(exc))}")
        print(f"bastion: error: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:  # an event value past the checks above: named, no traceback
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "event"
        message = f"the event holds a value Bastion cannot use: {where}: {first['msg']}"
        print(f"::error title=Bastion::{escape_data(message)}")
        print(f"bastion: error: {message}", file=sys.stderr)
        return 2
