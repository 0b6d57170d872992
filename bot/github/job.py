"""The worker body: one `ReviewJob` in, one `JobOutcome` out.

Idempotent by construction: every review Bastion posts carries a hidden marker
with the head SHA and the run (automatic, or the command comment that asked),
and every finding carries its fingerprint. A job that runs again — redelivered,
retried, replayed after a crash — reads them back and posts nothing twice.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from github import Auth, Github, GithubException
from pydantic import BaseModel, Field

from bot.config import ConfigError, RepoConfig
from bot.consolidate import already_posted
from bot.diff import DiffError, parse_diff
from bot.github import auth
from bot.github.client import GitHubClient, describe, open_client
from bot.github.commands import (
    PERMISSIONS,
    Command,
    ask_reply,
    help_reply,
    ignore_reason,
    mentioned_slug,
    parse_command,
    permission_allows,
    permission_level,
    replied_to,
)
from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.github.fetch import (
    ChangeSet,
    ContentCache,
    changed_lines,
    files_from_listing,
    load_agent_files,
    load_repo_config,
    restrict_to,
    wanted_contents,
)
from bot.github.publish import (
    PriorReviews,
    check_neutral,
    check_started,
    check_updates,
    draft_builder,
    post_review,
    read_comments,
    read_reviews,
)
from bot.jobs import CommentCommand, ReviewJob
from bot.models import Category, ChangedFile, ReviewResult
from bot.pipeline import Reviewer, review_files
from bot.report.markdown import render, sanitize
from bot.settings import Settings

log = logging.getLogger("bastion.github")

AUTO_RUN = "auto"
# Compare lists at most 300 files; past that it cannot tell what changed.
COMPARE_FILE_LIMIT = 300

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


@dataclass(frozen=True)
class PullInfo:
    number: int
    head_sha: str
    base_ref: str
    state: str
    draft: bool


def pull_info(data: Mapping[str, Any], number: int) -> PullInfo:
    head = data.get("head") if isinstance(data.get("head"), dict) else {}
    base = data.get("base") if isinstance(data.get("base"), dict) else {}
    sha = str((head or {}).get("sha") or "")
    if not sha:
        raise PermanentJobError(f"GitHub returned PR #{number} without a head SHA")
    return PullInfo(
        number=number,
        head_sha=sha,
        base_ref=str((base or {}).get("ref") or (base or {}).get("sha") or ""),
        state=str(data.get("state") or "open"),
        draft=bool(data.get("draft")),
    )


def _skipped(message: str) -> JobOutcome:
    return JobOutcome(status="skipped", message=message)


def run_job(job: ReviewJob, settings: Settings) -> JobOutcome:
    """Review (or answer on) one PR. Raises `TransientGitHubError` when a retry
    may succeed, `PermanentJobError` when it cannot; neither carries a secret."""
    token = auth.token_for(settings, job.installation_id)
    client = open_client(token, settings, job.repo)
    try:
        if job.comment is not None:
            outcome = _run_command(client, job, settings)
        else:
            outcome = _run_automatic(client, job, settings)
    except GithubException as exc:
        if exc.status == 401 and job.installation_id is not None:
            # A revoked or rotated installation token: the next attempt gets a fresh one.
            auth.forget_installation(job.installation_id)
            raise TransientGitHubError("GitHub rejected the installation token", 1.0) from None
        raise PermanentJobError(describe(exc, f"{job.repo}#{job.pr_number}")) from None
    finally:
        client.close()
    outcome = outcome.model_copy(update={"api_calls": client.calls})
    log.info(
        "job %s: %s %s",
        job.key,
        outcome.status,
        outcome.message,
        extra={"repo": job.repo, "pr": job.pr_number, "delivery_id": job.delivery_id},
    )
    return outcome


# -- automatic reviews --------------------------------------------------------------


def _run_automatic(client: GitHubClient, job: ReviewJob, settings: Settings) -> JobOutcome:
    pr = pull_info(client.pull(job.pr_number), job.pr_number)
    if pr.state != "open":
        return _skipped(f"PR #{pr.number} is {pr.state}")
    if job.head_sha and job.head_sha != pr.head_sha:
        return JobOutcome(
            status="superseded",
            message=f"head moved from {job.head_sha[:7]} to {pr.head_sha[:7]}",
        )
    config, config_error = load_repo_config(client, pr.base_ref)
    if job.trigger != "manual":
        auto = config.auto_review
        if not auto.enabled:
            return _skipped("auto_review is disabled in the base branch's config")
        if job.trigger not in auto.actions:
            return _skipped(f"auto_review.actions does not include {job.trigger}")
        if pr.draft and not auto.drafts:
            return _skipped(f"PR #{pr.number} is a draft (auto_review.drafts is off)")
    if config_error is not None:
        report_config_error(client, pr, config_error)
    return review_pull(
        client,
        settings,
        pr,
        config,
        run_key=AUTO_RUN,
        incremental=job.trigger == "synchronize",
    )


def report_config_error(client: GitHubClient, pr: PullInfo, error: ConfigError) -> bool:
    """One PR comment per distinct config problem (not one per push)."""
    digest = hashlib.sha256(str(error).encode()).hexdigest()[:12]
    marker = f"<!-- bastion:config-error={digest} -->"
    if any(marker in str(c.get("body") or "") for c in client.issue_comments(pr.number)):
        return False
    text = (
        f"Bastion could not use the config of the base branch `{pr.base_ref}`: {error}\n\n"
        "This review runs with the default settings. Fix the file on the base branch "
        "to apply yours."
    )
    client.create_issue_comment(pr.number, sanitize(text, allow_ours=False) + "\n\n" + marker)
    return True


def _changes(client: GitHubClient, pr: PullInfo, since: str | None) -> ChangeSet:
    changes = fetch_changes(client, pr.number)
    if since is None or since == pr.head_sha:
        return changes
    return _since(client, pr, since, changes)


def fetch_changes(client: GitHubClient, number: int) -> ChangeSet:
    """The PR's files: its diff, or the per-file patches when GitHub says it is too large."""
    diff = client.pull_diff(number)
    if diff is None:
        changes = files_from_listing(client.pull_files(number))
        missing = sum(1 for s in changes.skipped if s.reason.startswith("no patch"))
        changes.notes.append(
            "GitHub would not send the whole diff (too large), so this review used the "
            f"per-file patches; {missing} file(s) had no patch from GitHub and were not reviewed."
        )
    else:
        try:
            changes = ChangeSet(files=parse_diff(diff))
        except DiffError as exc:
            raise PermanentJobError(f"the diff GitHub sent does not parse: {exc}") from None
    return changes


def _since(client: GitHubClient, pr: PullInfo, since: str, changes: ChangeSet) -> ChangeSet:
    """Only what changed since the last reviewed head; after a force-push (the old
    head is no longer an ancestor) the whole PR against its merge base, with
    already-posted findings dropped by fingerprint."""
    try:
        compared = client.compare(since, pr.head_sha)
    except GithubException as exc:
        if exc.status not in (404, 422):
            raise
        compared = {}
    files = compared.get("files") if isinstance(compared.get("files"), list) else None
    if compared.get("status") not in ("ahead", "identical") or files is None:
        changes.notes.append(
            f"The last reviewed commit {since[:7]} is no longer part of this branch "
            "(force-push?): the whole PR was reviewed against its merge base; findings "
            "already posted are not repeated."
        )
        return changes
    if len(files) >= COMPARE_FILE_LIMIT:
        return changes
    narrowed = restrict_to(changes.files, changed_lines(files), since)
    narrowed.skipped[:0] = changes.skipped
    narrowed.notes = [*changes.notes, f"Reviewed the changes since {since[:7]}."]
    return narrowed


def _agent(
    client: GitHubClient, config: RepoConfig, settings: Settings, base_ref: str
) -> tuple[Reviewer | None, str | None]:
    """The LLM reviewer, or why it does not run. Agent files are fetched only
    when the reviewer could run at all."""
    if not config.llm.enabled:
        return None, "switched off by the config (llm: false)"
    if settings.anthropic_api_key is None:
        return None, "no ANTHROPIC_API_KEY set (rule engine only)"
    try:
        from bot.agent import make_reviewer
    except ImportError:
        return None, "the AI reviewer is not available in this installation"
    extra = load_agent_files(client, base_ref)
    reviewer, reason = make_reviewer(config, extra_agents=extra, settings=settings)
    return reviewer, reason


def review_pull(
    client: GitHubClient,
    settings: Settings,
    pr: PullInfo,
    config: RepoConfig,
    *,
    run_key: str,
    incremental: bool = False,
    categories: Sequence[Category] | None = None,
) -> JobOutcome:
    """Review the PR at its head and post one review and one check run."""
    prior = read_reviews(client.reviews(pr.number))
    if prior.reviewed(pr.head_sha, run_key):
        return _skipped(f"already reviewed at {pr.head_sha[:7]}")
    check_id = client.create_check_run(check_started(pr.head_sha))
    try:
        return _review_and_post(
            client, settings, pr, config, prior, run_key, incremental, categories, check_id
        )
    except Exception as exc:
        if check_id is not None:
            _close_check_neutral(client, check_id, exc)
        raise


def _review_and_post(
    client: GitHubClient,
    settings: Settings,
    pr: PullInfo,
    config: RepoConfig,
    prior: PriorReviews,
    run_key: str,
    incremental: bool,
    categories: Sequence[Category] | None,
    check_id: int | None,
) -> JobOutcome:
    since = prior.last_head if incremental else None
    changes = _changes(client, pr, since)
    if prior.authors:
        read_comments(prior, client.review_comments(pr.number))
    result = review_changes(client, settings, pr, config, changes, categories)
    new = [f for f in result.findings if not already_posted(f, prior.fingerprints)]
    repeated = len(result.findings) - len(new)
    notes = [f"{repeated} finding(s) already on this PR are not repeated."] if repeated else []
    title = "Bastion review" + (f" (changes since {since[:7]})" if since else "")
    build = draft_builder(
        result, new, config, head_sha=pr.head_sha, run_key=run_key, title=title, notes=notes
    )
    review, draft = post_review(client, pr.number, build)
    if check_id is not None:
        _complete_check(client, check_id, result, config)
    posted = Counter(f.category.value for f in draft.placed)
    inline = len(draft.payload["comments"])
    return JobOutcome(
        status="posted",
        review_id=review.get("id") if isinstance(review.get("id"), int) else None,
        check_run_id=check_id,
        findings_posted=dict(posted),
        findings_found=len(result.findings),
        usage=result.stats.llm,
        message=f"{len(new)} new finding(s), {inline} inline, at {pr.head_sha[:7]}",
    )


def review_changes(
    client: GitHubClient,
    settings: Settings,
    pr: PullInfo,
    config: RepoConfig,
    changes: ChangeSet,
    categories: Sequence[Category] | None = None,
) -> ReviewResult:
    """Run the pipeline over a PR's changes, with head contents fetched for the
    backend files only and the agent when it can run (the App and the Action)."""
    reviewer, off_reason = _agent(client, config, settings, pr.base_ref)
    contents = ContentCache(client, pr.head_sha)
    contents.prefetch(wanted_contents(changes.files, config))
    result = review_files(
        changes.files,
        config,
        categories=categories or None,
        agent=reviewer,
        agent_off_reason=off_reason,
        skipped=changes.skipped,
        load_content=contents,
    )
    if changes.notes:
        result = result.model_copy(update={"notes": [*changes.notes, *result.notes]})
    return result


def _complete_check(client: GitHubClient, check_id: int, result: Any, config: RepoConfig) -> None:
    """The review has landed; a check run that cannot be completed is logged,
    never a reason to retry (the retry would find the review and stop)."""
    summary = render(result, include_inline=True, title="Bastion")
    try:
        for update in check_updates(result.findings, config, summary):
            client.update_check_run(check_id, update)
    except (GithubException, TransientGitHubError) as exc:
        log.warning("could not complete check run %s: %s", check_id, type(exc).__name__)


def _close_check_neutral(client: GitHubClient, check_id: int, exc: Exception) -> None:
    reason = str(exc) if isinstance(exc, PermanentJobError | TransientGitHubError) else None
    text = reason or f"{type(exc).__name__} while reviewing"
    try:
        client.update_check_run(check_id, check_neutral(f"The review could not complete: {text}"))
    except (GithubException, TransientGitHubError) as err:
        log.warning("could not mark check run %s neutral: %s", check_id, type(err).__name__)


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


def accept_command(
    client: GitHubClient, repo: str, comment: CommentCommand, config: RepoConfig
) -> str | None:
    """Why a command is refused (switched off, too little permission), or None once it
    is accepted — then it gets its 👀 reaction at once. The App and the Action share it."""
    if not config.commands.enabled:
        return "commands are disabled in the base branch's config"
    level = PERMISSIONS.get(
        repo, comment.author, lambda: permission_level(client.permission(comment.author))
    )
    minimum = config.commands.min_permission
    if not permission_allows(level, minimum):
        return f"{comment.author} has {level} permission; {minimum} is needed"
    client.add_reaction(comment.comment_id, "eyes")
    return None


def _run_command(client: GitHubClient, job: ReviewJob, settings: Settings) -> JobOutcome:
    comment = job.comment
    assert comment is not None
    reason = ignore_reason(comment.author, comment.author_type, comment.body)
    if reason is not None:
        return _skipped(reason)
    slug = bot_identity(client, settings) if mentioned_slug(comment.body) else None
    command = parse_command(comment.body, slug)
    if command is None:
        return _skipped("no command in the comment")
    pr = pull_info(client.pull(job.pr_number), job.pr_number)
    if pr.state != "open":
        return _skipped(f"PR #{pr.number} is {pr.state}")
    config, config_error = load_repo_config(client, pr.base_ref)
    refusal = accept_command(client, job.repo, comment, config)
    if refusal is not None:
        return _skipped(refusal)
    if config_error is not None:
        report_config_error(client, pr, config_error)
    return _execute(client, settings, job, pr, config, command, slug)


def _execute(
    client: GitHubClient,
    settings: Settings,
    job: ReviewJob,
    pr: PullInfo,
    config: RepoConfig,
    command: Command,
    slug: str | None,
) -> JobOutcome:
    comment = job.comment
    assert comment is not None
    if command.kind == "review":
        return review_pull(
            client,
            settings,
            pr,
            config,
            run_key=f"comment-{comment.comment_id}",
            categories=list(command.categories) or None,
        )
    if command.kind == "help":
        body = help_reply(comment.comment_id, slug)
    else:
        answer = _answer(client, settings, pr, config, command.question)
        body = ask_reply(comment.comment_id, comment.author, command.question, answer)
    bodies = [str(c.get("body") or "") for c in client.issue_comments(pr.number)]
    if comment.comment_id in replied_to(bodies):
        return _skipped(f"comment {comment.comment_id} was already answered")
    client.create_issue_comment(pr.number, body)
    return JobOutcome(status="answered", message=f"{command.kind} for {comment.author}")


def _answer(
    client: GitHubClient, settings: Settings, pr: PullInfo, config: RepoConfig, question: str
) -> str | None:
    """The agent's answer, or None when the LLM is not configured."""
    if not config.llm.enabled or settings.anthropic_api_key is None:
        return None
    try:
        from bot.agent import answer_question
    except ImportError:
        return None
    files = _files_with_content(client, pr, config)
    extra = load_agent_files(client, pr.base_ref)
    return answer_question(files, question, config, extra_agents=extra, settings=settings)


def _files_with_content(
    client: GitHubClient, pr: PullInfo, config: RepoConfig
) -> list[ChangedFile]:
    changes = _changes(client, pr, None)
    contents = ContentCache(client, pr.head_sha)
    wanted = set(wanted_contents(changes.files, config))
    contents.prefetch(sorted(wanted))
    return [
        f.model_copy(update={"content": contents(f)}) if f.path in wanted else f
        for f in changes.files
    ]
