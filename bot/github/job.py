"""The worker body: one `ReviewJob` in, one `JobOutcome` out.

Idempotent by construction: every review Bastion posts carries a hidden marker
with the head SHA and the run (automatic, or the command comment that asked),
and every finding carries its fingerprint. A job that runs again — redelivered,
retried, replayed after a crash — reads them back and posts nothing twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from typing import Literal

from github import Auth, Github, GithubException
from pydantic import BaseModel, Field

from bot.config import RepoConfig
from bot.feedback import FeedbackSink, ignore_event, rule_of, thread_events
from bot.github import auth
from bot.github.client import GitHubClient, describe, open_client
from bot.github.commands import (
    Command,
    ask_reply,
    command_candidate,
    explain_reply,
    help_reply,
    ignore_reason,
    ignore_reply,
    mentioned_slug,
    parse_command,
    refusal_reply,
    replied_to,
)
from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.github.feedback_commands import (
    NOT_A_FINDING,
    IgnoreTarget,
    explain_question,
    ignore_target,
    known_rules,
    rule_explanation,
    thread_finding,
)
from bot.github.fetch import Sources, wanted_contents
from bot.github.flow import (
    AUTO_RUN,
    PullInfo,
    Reviewed,
    ReviewRequest,
    RuleRunner,
    Skipped,
    accept_command,
    changes_since,
    command_refusal,
    pull_info,
    report_config_error,
    run_review,
)
from bot.github.publish import read_reviews
from bot.github.threads import read_threads
from bot.jobs import ReviewJob
from bot.models import ChangedFile
from bot.settings import Settings

log = logging.getLogger("bastion.github")

__all__ = ["AUTO_RUN", "JobOutcome", "accept_command", "bot_identity", "run_job"]

JobStatus = Literal["posted", "answered", "skipped", "superseded"]


class JobOutcome(BaseModel):
    status: JobStatus
    review_id: int | None = None
    check_run_id: int | None = None
    findings_posted: dict[str, int] = Field(default_factory=dict)
    findings_found: int = 0
    usage: dict[str, object] | None = None
    message: str = ""
    api_calls: int = 0
    duration_ms: int = 0
    head_sha: str | None = None
    threads_resolved: int = 0
    muted_rules: list[str] = Field(default_factory=list)


def _skipped(message: str) -> JobOutcome:
    return JobOutcome(status="skipped", message=message)


_stores: dict[tuple[str | None, str], FeedbackSink] = {}
_stores_lock = threading.Lock()


def feedback_store(settings: Settings) -> FeedbackSink | None:
    """The feedback store beside this worker's job ledger, opened once per process;
    None (and a warning) when it cannot be opened: reviews go on without learning."""
    key = (settings.queue_url, str(settings.data_dir))
    with _stores_lock:
        if key not in _stores:
            from bot.server.feedback_store import open_feedback

            try:
                _stores[key] = open_feedback(settings.queue_url, settings.data_dir)
            except Exception as exc:  # noqa: BLE001 - learning is optional, reviewing is not
                log.warning("feedback store not opened: %s", type(exc).__name__)
                return None
        return _stores[key]


def run_job_with_feedback(
    job: ReviewJob, settings: Settings, rule_runner: RuleRunner | None = None
) -> JobOutcome:
    """`run_job` as the App's worker runs it: with the feedback store of its ledger."""
    return run_job(job, settings, rule_runner, feedback=feedback_store(settings))


def run_job(
    job: ReviewJob,
    settings: Settings,
    rule_runner: RuleRunner | None = None,
    feedback: FeedbackSink | None = None,
) -> JobOutcome:
    """Review (or answer on) one PR. Raises `TransientGitHubError` when a retry
    may succeed, `PermanentJobError` when it cannot; neither carries a secret."""
    token = auth.token_for(settings, job.installation_id)
    client = open_client(token, settings, job.repo)
    started = time.monotonic()
    try:
        if job.comment is not None:
            outcome = _run_command(client, job, settings, rule_runner, feedback)
        else:
            outcome = _run_automatic(client, job, settings, rule_runner, feedback)
    except GithubException as exc:
        raise classify(exc, job, settings) from None
    finally:
        client.close()
    elapsed_ms = int((time.monotonic() - started) * 1000)
    outcome = outcome.model_copy(update={"api_calls": client.calls, "duration_ms": elapsed_ms})
    log.info(
        "job %s: %s %s",
        job.key,
        outcome.status,
        outcome.message,
        extra={"repo": job.repo, "pr": job.pr_number, "delivery_id": job.delivery_id},
    )
    return outcome


def classify(
    exc: GithubException, job: ReviewJob, settings: Settings
) -> TransientGitHubError | PermanentJobError:
    """A GitHub error the client did not already call transient (rate limits, 5xx and
    network errors are). Only a 401 on an installation token is worth another attempt:
    the token may have been revoked, and the next attempt exchanges a fresh one. A
    configured token that GitHub rejects stays rejected, like a 403 or a 404."""
    where = f"{job.repo}#{job.pr_number}"
    app_token = job.installation_id is not None and auth.uses_app(settings)
    if exc.status == 401 and app_token:
        assert job.installation_id is not None
        auth.forget_installation(job.installation_id)
        return TransientGitHubError("GitHub rejected the installation token", 1.0)
    if exc.status == 401:
        return PermanentJobError(
            f"GitHub rejected GITHUB_TOKEN (401) on {where}: set a valid token"
        )
    return PermanentJobError(describe(exc, where))


# -- automatic reviews --------------------------------------------------------------


def _run_automatic(
    client: GitHubClient,
    job: ReviewJob,
    settings: Settings,
    rule_runner: RuleRunner | None,
    feedback: FeedbackSink | None = None,
) -> JobOutcome:
    if job.trigger == "closed":
        return _collect_feedback(client, job, feedback)
    request = ReviewRequest(
        number=job.pr_number,
        trigger=job.trigger,
        expected_head=job.head_sha,
        incremental=job.trigger == "synchronize",
    )
    done = run_review(
        client,
        settings,
        request,
        rule_runner=rule_runner,
        cache_dir=settings.data_dir,
        feedback=feedback,
    )
    return _outcome(done, job)


def _collect_feedback(
    client: GitHubClient, job: ReviewJob, feedback: FeedbackSink | None
) -> JobOutcome:
    """A closed PR: its threads' reactions and replies read one last time (two calls:
    Bastion's reviews, then the threads), nothing posted."""
    if feedback is None:
        return _skipped("no feedback store: nothing to record for a closed PR")
    prior = read_reviews(client.reviews(job.pr_number))
    if not prior.authors:
        return _skipped(f"Bastion never reviewed #{job.pr_number}")
    threads = read_threads(client, job.pr_number, prior.authors)
    if threads is None:
        return _skipped("review threads could not be read")
    events = thread_events(job.repo, job.pr_number, threads)
    feedback.sync_pr(job.repo, job.pr_number, events)
    return JobOutcome(status="answered", message=f"feedback: {len(events)} event(s) recorded")


def _outcome(done: Reviewed | Skipped, job: ReviewJob) -> JobOutcome:
    if isinstance(done, Skipped):
        return JobOutcome(status=done.status, message=done.message)
    if done.refused is not None:
        raise PermanentJobError(f"{done.refused} on {job.repo}#{job.pr_number}")
    posted = done.posted
    assert posted is not None  # the App always posts: it never reviews read-only
    result = done.result
    return JobOutcome(
        status="posted",
        review_id=posted.review_id,
        check_run_id=done.check_run_id,
        findings_posted=dict(Counter(f.category.value for f in posted.placed)),
        findings_found=len(result.findings),
        usage=result.stats.llm,
        message=f"{posted.new} new finding(s), {posted.inline} inline, at {done.pr.head_sha[:7]}",
        head_sha=done.pr.head_sha,
        threads_resolved=len(done.resolved),
        muted_rules=sorted(done.muted),
    )


# -- slash commands -------------------------------------------------------------------

_identity_cache: dict[str, str] = {}


def bot_identity(client: GitHubClient, settings: Settings) -> str | None:
    """The App's slug (App auth) or the token's login; looked up once per process,
    and only for comments that mention someone with `review`."""
    key = f"{settings.github_api_url}|{settings.github_app_id or 'token'}"
    if key in _identity_cache:
        return _identity_cache[key]
    private_key = settings.app_private_key()
    try:
        if settings.github_app_id and private_key:
            app = Github(
                auth=Auth.AppAuthToken(auth.app_jwt(settings.github_app_id, private_key)),
                base_url=settings.github_api_url,
                retry=None,
                seconds_between_requests=0,
                seconds_between_writes=0,
            )
            try:
                data = app.requester.requestJsonAndCheck("GET", "/app")[1]
            finally:
                app.close()
            name = data.get("slug") if isinstance(data, dict) else None
        else:
            data = client.request("GET", "/user")[1]
            name = data.get("login") if isinstance(data, dict) else None
    except GithubException:
        return None
    if isinstance(name, str) and name:
        _identity_cache[key] = name
        return name
    return None


def _run_command(
    client: GitHubClient,
    job: ReviewJob,
    settings: Settings,
    rule_runner: RuleRunner | None,
    feedback: FeedbackSink | None = None,
) -> JobOutcome:
    comment = job.comment
    assert comment is not None
    # Cheapest first: who wrote it, whether it can be a command at all, whether its
    # author may run commands at the lowest bar any config allows. Only then is the
    # body parsed, and the PR and config fetched.
    reason = ignore_reason(comment.author, comment.author_type, comment.body)
    if reason is not None:
        return _skipped(reason)
    if not command_candidate(comment.body):
        return _skipped("no command in the comment")
    refusal = command_refusal(client, comment)
    if refusal is not None:
        return _skipped(refusal)
    slug = bot_identity(client, settings) if mentioned_slug(comment.body) else None
    command = parse_command(comment.body, slug)
    if command is None:
        return _skipped("no command in the comment")
    if command.kind == "review":
        request = ReviewRequest(
            number=job.pr_number,
            trigger="command",
            run_key=f"comment-{comment.comment_id}",
            categories=command.categories,
            comment=comment,
        )
        done = run_review(
            client,
            settings,
            request,
            rule_runner=rule_runner,
            cache_dir=settings.data_dir,
            feedback=feedback,
        )
        return _outcome(done, job)
    return _reply(client, settings, job, command, slug, feedback)


def _reply(
    client: GitHubClient,
    settings: Settings,
    job: ReviewJob,
    command: Command,
    slug: str | None,
    feedback: FeedbackSink | None = None,
) -> JobOutcome:
    """`/bastion help`, `/ask`, `/bastion ignore`, `/bastion explain`: one comment in
    reply, once, where the command was written (the conversation, or its review thread)."""
    comment = job.comment
    assert comment is not None
    pr = pull_info(client.pull(job.pr_number), job.pr_number)
    if pr.state != "open":
        return _skipped(f"PR #{pr.number} is {pr.state}")
    sources = Sources(client, pr.base_ref, pr.head_sha)
    config, config_error = sources.config()
    refusal = accept_command(client, job.repo, comment, config)
    if refusal is not None:
        return _skipped(refusal)
    if config_error is not None:
        report_config_error(client, pr, config_error)
    thread = comment.review_thread
    existing = client.review_comments(pr.number) if thread else client.issue_comments(pr.number)
    if comment.comment_id in replied_to([str(c.get("body") or "") for c in existing]):
        return _skipped(f"comment {comment.comment_id} was already answered")
    message = f"{command.kind} for {comment.author}"
    if command.kind == "help":
        body = help_reply(comment.comment_id, slug)
    elif command.kind == "ignore":
        body, message = _ignore(client, job, command, feedback)
    elif command.kind == "explain":
        body = _explain(client, settings, job, pr, sources, config, command.question)
    else:
        answer = _answer(client, settings, pr, sources, config, command.question)
        body = ask_reply(comment.comment_id, comment.author, command.question, answer)
    if thread:
        client.reply_in_thread(pr.number, thread, body)
    else:
        client.create_issue_comment(pr.number, body)
    return JobOutcome(status="answered", message=message)


def _thread_root(client: GitHubClient, job: ReviewJob) -> dict[str, object] | None:
    thread = job.comment.review_thread if job.comment else None
    return client.review_comment(thread) if thread else None


def _ignore(
    client: GitHubClient, job: ReviewJob, command: Command, feedback: FeedbackSink | None
) -> tuple[str, str]:
    """The rule suppressed on this PR (the marker in the reply is the record every later
    review reads) and the reason stored as feedback; or why not."""
    comment = job.comment
    assert comment is not None
    root = _thread_root(client, job)
    thread_rule = rule_of(str(root.get("body") or "")) if root else None
    target = ignore_target(command, known_rules(), thread_rule)
    if not isinstance(target, IgnoreTarget):
        return refusal_reply(comment.comment_id, comment.author, target), "ignore refused"
    if feedback is not None:
        event = ignore_event(
            job.repo, job.pr_number, target.rule, comment.comment_id, comment.author, target.reason
        )
        try:
            feedback.add([event])
        except Exception as exc:  # noqa: BLE001 - the reply's marker still suppresses it
            log.warning("ignore of %s not stored: %s", target.rule, type(exc).__name__)
    body = ignore_reply(comment.comment_id, comment.author, target.rule, target.reason)
    return body, f"ignore {target.rule} for {comment.author}"


def _explain(
    client: GitHubClient,
    settings: Settings,
    job: ReviewJob,
    pr: PullInfo,
    sources: Sources,
    config: RepoConfig,
    asked: str,
) -> str:
    """The thread's finding in more depth: the agent's answer when the LLM may run,
    else the rule's rationale and fix."""
    from bot.agent import llm_unavailable

    comment = job.comment
    assert comment is not None
    finding = thread_finding(_thread_root(client, job))
    if finding is None:
        return refusal_reply(comment.comment_id, comment.author, NOT_A_FINDING)
    off = llm_unavailable(config, settings)
    if off is not None:
        return explain_reply(comment.comment_id, rule_explanation(finding.rule, off))
    answer = _answer(client, settings, pr, sources, config, explain_question(finding, asked))
    return explain_reply(comment.comment_id, answer or rule_explanation(finding.rule, "off"))


def _answer(
    client: GitHubClient,
    settings: Settings,
    pr: PullInfo,
    sources: Sources,
    config: RepoConfig,
    question: str,
) -> str | None:
    """The agent's answer, or None when the LLM cannot run here."""
    from bot.agent import answer_question, llm_unavailable

    if llm_unavailable(config, settings) is not None:
        return None
    files = _files_with_content(client, pr, sources, config)
    return answer_question(
        files, question, config, extra_agents=sources.agent_files(), settings=settings
    )


def _files_with_content(
    client: GitHubClient, pr: PullInfo, sources: Sources, config: RepoConfig
) -> list[ChangedFile]:
    changes = changes_since(client, pr, None)
    wanted = set(wanted_contents(changes.files, config))
    contents = sources.head_contents(changes.files, config)
    return [
        f.model_copy(update={"content": contents(f)}) if f.path in wanted else f
        for f in changes.files
    ]
