"""The one review flow behind the App's worker and `bastion action`.

fetch the PR → config from the base branch → decide whether to skip → review →
complete the check run → post the review. Each entry is a thin adapter: the App
turns a queued job into a `ReviewRequest` and the result into a `JobOutcome`; the
Action turns a workflow event into one and the result into annotations, a summary
and an exit code.

The check run is completed before the review is posted. The check is the merge
gate, the review is commentary: when GitHub applies the review but answers with a
time-out or a 5xx, the retry finds the review and stops, and the gate must
already say what `fail_on` says. Hence also: a failed attempt that a retry will
repeat leaves its check run in progress (pending, never passing).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from github import GithubException

from bot.agent import llm_unavailable
from bot.config import CONFIG_PATH, ConfigError, FailOn, RepoConfig
from bot.consolidate import already_posted
from bot.diff import DiffError, read_diff
from bot.feedback import (
    Event,
    FeedbackSink,
    Thread,
    fixed_threads,
    muted_note,
    muted_rules,
    thread_events,
)
from bot.github.client import GitHubClient
from bot.github.commands import PERMISSIONS, ignored_in, permission_allows, permission_level
from bot.github.errors import PermanentJobError, TransientGitHubError
from bot.github.fetch import ChangeSet, Sources, changed_lines, files_from_listing, restrict_to
from bot.github.publish import (
    PriorReviews,
    check_neutral,
    check_started,
    check_updates,
    conclusion,
    draft_builder,
    fingerprints_in,
    post_review,
    read_comments,
    read_reviews,
    to_summary,
)
from bot.github.threads import read_threads, resolve_fixed
from bot.jobs import CommentCommand
from bot.models import Category, FileKind, Finding, ReviewResult
from bot.pipeline import Reviewer, review_files
from bot.report.markdown import render, sanitize
from bot.select import select_backend
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.rules.engine import Check

log = logging.getLogger("bastion.github")

AUTO_RUN = "auto"
TITLE = "Bastion review"
# Compare lists at most 300 files; past that it cannot tell what changed.
COMPARE_FILE_LIMIT = 300
MANUAL_TRIGGERS = ("manual", "command")

# The rule runner `review_files` accepts (time budgets per check); passed through as is.
RuleRunner = Callable[..., Any]


# -- the pull request -----------------------------------------------------------------


@dataclass(frozen=True)
class PullInfo:
    number: int
    head_sha: str
    base_ref: str
    state: str
    draft: bool
    author: str = ""
    author_is_bot: bool = False
    base_sha: str = ""  # the base branch's commit GitHub compares the PR with


def pull_info(data: dict[str, Any], number: int) -> PullInfo:
    head = data.get("head") if isinstance(data.get("head"), dict) else {}
    base = data.get("base") if isinstance(data.get("base"), dict) else {}
    user = data.get("user") if isinstance(data.get("user"), dict) else {}
    sha = str((head or {}).get("sha") or "")
    if not sha:
        raise PermanentJobError(f"GitHub returned PR #{number} without a head SHA")
    login = str((user or {}).get("login") or "")
    return PullInfo(
        number=number,
        head_sha=sha,
        base_ref=str((base or {}).get("ref") or (base or {}).get("sha") or ""),
        state=str(data.get("state") or "open"),
        draft=bool(data.get("draft")),
        author=login,
        author_is_bot=(user or {}).get("type") == "Bot" or login.endswith("[bot]"),
        base_sha=str((base or {}).get("sha") or ""),
    )


def auto_skip(config: RepoConfig, trigger: str, pr: PullInfo) -> str | None:
    """Why an automatic review (a `pull_request` event) does not run, per the base
    branch's `auto_review`; None for commands and manual runs, which a person asked for."""
    if trigger in MANUAL_TRIGGERS:
        return None
    auto = config.auto_review
    if not auto.enabled:
        return "auto_review is disabled in the base branch's config"
    if trigger not in auto.actions:
        return f"auto_review.actions does not include {trigger}"
    if pr.draft and not auto.drafts:
        return f"PR #{pr.number} is a draft (auto_review.drafts is off)"
    if pr.author_is_bot and not auto.bots:
        return f"PR #{pr.number} was opened by the bot {pr.author} (auto_review.bots is off)"
    return None


def command_refusal(
    client: GitHubClient, comment: CommentCommand, minimum: str = "write"
) -> str | None:
    """Why the comment's author may not run commands at `minimum`, or None. Cached per
    (repo, user) for a minute, so a burst of comments costs one look-up."""
    level = PERMISSIONS.get(
        client.repo, comment.author, lambda: permission_level(client.permission(comment.author))
    )
    if not permission_allows(level, minimum):
        return f"{comment.author} has {level} permission; {minimum} is needed"
    return None


def accept_command(
    client: GitHubClient, repo: str, comment: CommentCommand, config: RepoConfig
) -> str | None:
    """Why a command is refused (switched off, too little permission), or None once it
    is accepted — then it gets its 👀 reaction at once."""
    if not config.commands.enabled:
        return "commands are disabled in the base branch's config"
    refusal = command_refusal(client, comment, config.commands.min_permission)
    if refusal is not None:
        return refusal
    client.add_reaction(comment.comment_id, "eyes", review=comment.review_thread is not None)
    return None


def report_config_error(client: GitHubClient, pr: PullInfo, error: ConfigError) -> bool:
    """One PR comment per distinct config problem (not one per push)."""
    text = (
        f"Bastion could not use the config of the base branch `{pr.base_ref}`: {error}\n\n"
        "This review runs with the default settings. Fix the file on the base branch "
        "to apply yours."
    )
    return _comment_once(client, pr, "config-error", str(error), text)


def report_team_rule_errors(client: GitHubClient, pr: PullInfo, errors: Sequence[str]) -> bool:
    """One PR comment per distinct set of team-rule problems, like a config error: each
    bad file of `.github/bastion/rules/` is one line; the other rules ran."""
    lines = "\n".join(f"- {error}" for error in errors)
    text = (
        f"Bastion could not use some of the team rules of the base branch `{pr.base_ref}`:"
        f"\n\n{lines}\n\nThis review ran without them (the other rules ran). Fix the "
        "files on the base branch to apply them."
    )
    return _comment_once(client, pr, "team-rules-error", "\n".join(errors), text)


def _comment_once(client: GitHubClient, pr: PullInfo, kind: str, key: str, text: str) -> bool:
    """Post `text` unless a comment for the same `kind` and `key` is already there."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    marker = f"<!-- bastion:{kind}={digest} -->"
    if any(marker in str(c.get("body") or "") for c in client.issue_comments(pr.number)):
        return False
    client.create_issue_comment(pr.number, sanitize(text, allow_ours=False) + "\n\n" + marker)
    return True


# -- the changes ----------------------------------------------------------------------


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
        return changes
    try:
        read = read_diff(diff)
    except DiffError as exc:
        raise PermanentJobError(f"the diff GitHub sent does not parse: {exc}") from None
    note = read.note()
    return ChangeSet(files=read.files, skipped=read.skipped, notes=[note] if note else [])


def changes_since(
    client: GitHubClient, pr: PullInfo, since: str | None, keep_whole: Collection[str] = ()
) -> ChangeSet:
    """The whole PR, or only what changed since the last reviewed head; after a
    force-push (the old head is no longer an ancestor) the whole PR, with findings
    already posted dropped by fingerprint. Changed files in `keep_whole` (they hold
    Bastion's open threads) are reviewed whole."""
    changes = fetch_changes(client, pr.number)
    if since is None or since == pr.head_sha:
        return changes
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
    narrowed = restrict_to(changes.files, changed_lines(files), since, keep_whole)
    narrowed.skipped[:0] = changes.skipped
    narrowed.notes = [*changes.notes, f"Reviewed the changes since {since[:7]}."]
    return narrowed


# -- the review -----------------------------------------------------------------------


def make_agent(
    sources: Sources, config: RepoConfig, settings: Settings
) -> tuple[Reviewer | None, str | None]:
    """The LLM reviewer, or why it does not run; agent files are fetched only when
    it could run at all."""
    off = llm_unavailable(config, settings)
    if off is not None:
        return None, off
    from bot.agent import make_reviewer

    return make_reviewer(config, extra_agents=sources.agent_files(), settings=settings)


def default_rule_runner(settings: Settings) -> RuleRunner:
    """The rule engine in a child process under the settings' time budgets: a check
    stuck on one hostile file is stopped and named, and the review is still posted.
    Forkserver (the worker has threads); its server preloads the rule modules."""
    from bot.isolation import budgeted_rule_runner

    return budgeted_rule_runner(settings.file_budget_s, settings.review_budget_s)


# The kinds of file the schema checks read (`bot.rules.schema_checks`).
SCHEMA_KINDS = frozenset({FileKind.CODE, FileKind.ORM_SCHEMA, FileKind.MIGRATION, FileKind.SQL})


def wants_schema(changes: ChangeSet, config: RepoConfig, categories: Sequence[Category]) -> bool:
    """Whether the schema checks can run on this PR (indexing asked for, and a file
    they read): only then is the repository's file list fetched."""
    wanted = set(categories) if categories else set(config.categories)
    if Category.INDEXING not in wanted:
        return False
    kept, _skipped = select_backend(changes.files, config.paths)
    return any(f.kind in SCHEMA_KINDS for f in kept)


def review_changes(
    sources: Sources,
    settings: Settings,
    config: RepoConfig,
    changes: ChangeSet,
    categories: Sequence[Category] | None = None,
    rule_runner: RuleRunner | None = None,
    extra_checks: Sequence[Check] = (),
) -> ReviewResult:
    """The pipeline over a PR's changes: head contents for the backend files only,
    base contents for the files a rule compares, the files specs `$ref` at each side,
    the repository's schema files, the agent when it can run; the rules in a budgeted
    child unless another runner is given, with the team's rules (`extra_checks`)."""
    reviewer, off_reason = make_agent(sources, config, settings)
    head = sources.head_contents(changes.files, config)
    schema_files: dict[str, str] | None = None
    released: Callable[[str], bool | None] | None = None
    notes = list(changes.notes)
    if wants_schema(changes, config, categories or ()):
        schema_files, schema_note = sources.schema_files()
        if schema_note:
            notes.append(schema_note)
        # A table whose creating migration has not shipped is empty: as the CLI reads
        # release tags from git history, the App asks GitHub for the latest release.
        released = sources.released
    result = review_files(
        changes.files,
        config,
        categories=categories or None,
        agent=reviewer,
        agent_off_reason=off_reason,
        skipped=changes.skipped,
        load_content=head,
        load_base_content=sources.base_contents(),
        load_ref=sources.read_ref,
        schema_files=schema_files,
        released=released,
        rule_runner=rule_runner or default_rule_runner(settings),
        extra_checks=extra_checks,
    )
    if notes:
        result = result.model_copy(update={"notes": [*notes, *result.notes]})
    return result


# -- the check run --------------------------------------------------------------------


class CheckRun:
    """The `bastion` check run of one head: started before the review, completed with
    the conclusion `fail_on` gives before the review is posted."""

    def __init__(self, client: GitHubClient, head_sha: str) -> None:
        self.client = client
        # None: the token may not create check runs (a personal token); the review goes on.
        self.id = client.create_check_run(check_started(head_sha))
        self.completed = False

    def complete(self, result: ReviewResult, config: RepoConfig) -> bool:
        """Annotations and conclusion; True when every annotation was saved. When the
        annotations fail, the conclusion is saved alone; when that fails too, the error
        propagates and nothing is posted (a retry starts over)."""
        if self.id is None:
            return False
        summary = render(result, include_inline=True, title="Bastion")
        try:
            for update in check_updates(result.findings, config, summary):
                self.client.update_check_run(self.id, update)
        except (GithubException, TransientGitHubError) as exc:
            log.warning("check run %s: annotations not saved: %s", self.id, type(exc).__name__)
            final = check_updates(result.findings, config, summary)[-1]
            final["output"]["annotations"] = []
            self.client.update_check_run(self.id, final)
            self.completed = True
            return False
        self.completed = True
        return True

    def abandon(self, exc: BaseException) -> None:
        """After a failure before the conclusion was saved. A transient failure will be
        retried: the run stays in progress, so the gate stays closed meanwhile. Anything
        else ends the run neutral with the reason."""
        if self.id is None or self.completed:
            return
        if isinstance(exc, TransientGitHubError):
            return
        reason = str(exc) if isinstance(exc, PermanentJobError) else None
        text = reason or f"{type(exc).__name__} while reviewing"
        try:
            self.client.update_check_run(
                self.id, check_neutral(f"The review could not complete: {text}")
            )
        except (GithubException, TransientGitHubError) as err:
            log.warning("could not mark check run %s neutral: %s", self.id, type(err).__name__)


# -- the flow -------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewRequest:
    number: int
    trigger: str  # a pull_request action, "manual" or "command"
    run_key: str = AUTO_RUN
    expected_head: str | None = None  # the head the event was about; another means superseded
    categories: tuple[Category, ...] = ()
    incremental: bool = False  # review only what changed since the last reviewed head
    config_path: str = CONFIG_PATH
    fail_on: FailOn | None = None  # replaces the config's (the Action's input)
    read_only: str | None = None  # why nothing may be posted: review and report only
    review_when_done: bool = False  # review even when this head and run are posted already
    comment: CommentCommand | None = None  # the command's comment, checked once config is known


@dataclass(frozen=True)
class Skipped:
    message: str
    status: Literal["skipped", "superseded"] = "skipped"


@dataclass
class Posted:
    review_id: int | None
    new: int
    inline: int
    placed: list[Finding] = field(default_factory=list)


@dataclass
class Reviewed:
    pr: PullInfo
    config: RepoConfig
    result: ReviewResult
    config_error: ConfigError | None = None
    posted: Posted | None = None
    already: bool = False  # this head and run were posted before: nothing new posted
    refused: str | None = None  # GitHub refused the review (403/404): the token is read-only
    read_only: str | None = None  # why nothing was posted, known before the review
    check_run_id: int | None = None
    annotated: bool = False  # the check run carries every annotation
    resolved: list[str] = field(default_factory=list)  # thread ids resolved as fixed
    muted: dict[str, int] = field(default_factory=dict)  # rule -> rejections (summary only)
    ignored: list[str] = field(default_factory=list)  # rules `/bastion ignore`d on this PR
    # Fingerprints of findings left out as ignored: still there, so their threads stay open.
    held: set[str] = field(default_factory=set)

    @property
    def conclusion(self) -> str:
        return conclusion(self.result.findings, self.config)


def _forbidden(exc: GithubException) -> bool:
    return exc.status in (403, 404)


def run_review(
    client: GitHubClient,
    settings: Settings,
    request: ReviewRequest,
    *,
    rule_runner: RuleRunner | None = None,
    cache_dir: Path | None = None,
    feedback: FeedbackSink | None = None,
) -> Reviewed | Skipped:
    """Review one PR and publish; `GithubException`s other than a refused post propagate.
    `cache_dir` keeps the schema files read from GitHub between reviews. With a
    `feedback` store, the PR's threads feed it and muted rules go to the summary."""
    pr = pull_info(client.pull(request.number), request.number)
    if pr.state != "open":
        return Skipped(f"PR #{pr.number} is {pr.state}")
    if request.expected_head and request.expected_head != pr.head_sha:
        moved = f"head moved from {request.expected_head[:7]} to {pr.head_sha[:7]}"
        return Skipped(moved, "superseded")
    sources = Sources(
        client,
        pr.base_ref,
        pr.head_sha,
        request.config_path,
        base_sha=pr.base_sha or None,
        cache_dir=cache_dir,
    )
    config, config_error = sources.config()
    skip = auto_skip(config, request.trigger, pr)
    if skip is not None:
        return Skipped(skip)
    if request.comment is not None:
        refusal = accept_command(client, client.repo, request.comment, config)
        if refusal is not None:
            return Skipped(refusal)
    if request.fail_on is not None:
        config = config.model_copy(update={"fail_on": request.fail_on})
    writable = request.read_only is None
    if writable and config_error is not None:
        try:
            report_config_error(client, pr, config_error)
        except GithubException as exc:
            if not _forbidden(exc):
                raise
    prior = read_reviews(client.reviews(pr.number)) if writable else PriorReviews()
    done = prior.reviewed(pr.head_sha, request.run_key)
    if done and not request.review_when_done:
        return Skipped(f"already reviewed at {pr.head_sha[:7]}")
    check = CheckRun(client, pr.head_sha) if writable and not done else None
    try:
        since = prior.last_head if request.incremental else None
        threads = _read_threads(client, pr, prior, feedback)
        open_paths = {t.path for t in threads or () if t.ours and not t.resolved}
        changes = changes_since(client, pr, since, keep_whole=open_paths)
        team = sources.team_rules()
        if writable and team.errors:
            _report_team_errors(client, pr, team.errors)
        result = review_changes(
            sources, settings, config, changes, request.categories, rule_runner, team.checks
        )
        ignored = _ignored_rules(client, pr, prior, threads)
        result, held = without_ignored(result, ignored)
        reviewed = Reviewed(
            pr, config, result, config_error, already=done, read_only=request.read_only
        )
        reviewed.ignored, reviewed.held = sorted(ignored), held
        if check is None:
            return reviewed
        reviewed.muted = _muted(client.repo, config, feedback)
        reviewed.check_run_id = check.id
        reviewed.annotated = check.complete(result, config)
        title = TITLE + (f" (changes since {since[:7]})" if since and since != pr.head_sha else "")
        _publish(client, reviewed, prior, request.run_key, title)
        if threads and reviewed.posted is not None:
            reviewed.resolved = _resolve_fixed(client, reviewed, changes, threads, feedback)
        return reviewed
    except Exception as exc:
        if check is not None:
            check.abandon(exc)
        raise


def _report_team_errors(client: GitHubClient, pr: PullInfo, errors: Sequence[str]) -> None:
    try:
        report_team_rule_errors(client, pr, errors)
    except GithubException as exc:
        if not _forbidden(exc):
            raise


def _read_threads(
    client: GitHubClient, pr: PullInfo, prior: PriorReviews, feedback: FeedbackSink | None
) -> list[Thread] | None:
    """Bastion's threads with their replies and reactions (one GraphQL query), their
    fingerprints added to `prior` and their feedback stored; without GraphQL, the REST
    comments give the fingerprints as before. None when Bastion never reviewed here."""
    if not prior.authors:
        return None
    threads = read_threads(client, pr.number, prior.authors)
    if threads is None:
        read_comments(prior, client.review_comments(pr.number))
        return None
    for thread in threads:
        for comment in thread.comments:
            if comment.mine:
                prior.fingerprints.update(fingerprints_in(comment.body))
    if feedback is not None:
        try:
            feedback.sync_pr(client.repo, pr.number, thread_events(client.repo, pr.number, threads))
        except Exception as exc:  # noqa: BLE001 - feedback must never cost the review
            log.warning("feedback of #%s not stored: %s", pr.number, type(exc).__name__)
    return threads


def _ignored_rules(
    client: GitHubClient, pr: PullInfo, prior: PriorReviews, threads: list[Thread] | None
) -> set[str]:
    """Rules `/bastion ignore`d on this PR, from the markers in Bastion's own replies:
    in the conversation (one call) and in review threads (read already, or by REST
    when GraphQL was not available). Before Bastion ever reviewed here, none."""
    authors = {a.removesuffix("[bot]") for a in prior.authors if a}
    if not authors:
        return set()

    def ours(item: dict[str, Any]) -> bool:
        user = item.get("user") if isinstance(item.get("user"), dict) else {}
        return str((user or {}).get("login") or "").removesuffix("[bot]") in authors

    bodies = [str(c.get("body") or "") for c in client.issue_comments(pr.number) if ours(c)]
    if threads is not None:
        bodies += [c.body for t in threads for c in t.comments if c.mine]
    else:
        bodies += [str(c.get("body") or "") for c in client.review_comments(pr.number) if ours(c)]
    return ignored_in(bodies)


def finding_rules(finding: Finding) -> set[str]:
    """Every rule that reported this problem (consolidated comments carry several)."""
    return {finding.rule, *(part.rule for part in finding.also)}


def without_ignored(result: ReviewResult, ignored: set[str]) -> tuple[ReviewResult, set[str]]:
    """The result without findings of ignored rules (a problem goes when any rule that
    reported it is ignored), a note saying so, and those findings' fingerprints."""
    if not ignored:
        return result, set()
    kept: list[Finding] = []
    held: set[str] = set()
    hit: set[str] = set()
    for finding in result.findings:
        rules = finding_rules(finding) & ignored
        if rules:
            hit |= rules
            held.update([finding.fingerprint, *finding.legacy_fingerprints])
        else:
            kept.append(finding)
    if not hit:
        return result, held
    names = ", ".join(f"`{r}`" for r in sorted(hit))
    note = (
        f"{len(result.findings) - len(kept)} finding(s) of rule(s) ignored on this PR with "
        f"`/bastion ignore` are not reported: {names}."
    )
    return result.model_copy(update={"findings": kept, "notes": [*result.notes, note]}), held


def _muted(repo: str, config: RepoConfig, feedback: FeedbackSink | None) -> dict[str, int]:
    if feedback is None or not config.learn.mute_after:
        return {}
    try:
        return muted_rules(feedback.stats(repo), config.learn.mute_after)
    except Exception as exc:  # noqa: BLE001 - without counts, nothing is muted
        log.warning("feedback counts of %s not read: %s", repo, type(exc).__name__)
        return {}


def _resolve_fixed(
    client: GitHubClient,
    reviewed: Reviewed,
    changes: ChangeSet,
    threads: list[Thread],
    feedback: FeedbackSink | None,
) -> list[str]:
    """Resolve Bastion's threads whose finding this head no longer has; record them."""
    result = reviewed.result
    # A thread follows its problem: open while this review produces the problem's
    # fingerprint or one of its legacy (per-rule) ones, or holds it back as ignored.
    present = {f.fingerprint for f in result.findings} | reviewed.held
    for finding in result.findings:
        present.update(finding.legacy_fingerprints)
    pr_paths = {f.path for f in changes.files} | {s.path for s in changes.skipped}
    unsure = {s.path for s in result.skipped} | {e.path for e in result.stats.rule_errors if e.path}
    unfinished = [u.path for u in result.stats.unfinished]
    reviewed_paths = {
        f.path
        for f in changes.files
        if f.path not in changes.partial
        and f.path not in unsure
        and not any(f.path in u for u in unfinished)
    }
    agent_ran = "llm" in result.stats.engines
    fixed = fixed_threads(threads, present, reviewed_paths, pr_paths, agent_ran)
    if not fixed:
        return []
    try:
        done = resolve_fixed(client, fixed, reviewed.pr.head_sha, pr_paths)
    except (GithubException, TransientGitHubError) as exc:
        # The review is posted; the next push's review resolves what is left.
        log.warning("fixed threads not resolved: %s", type(exc).__name__)
        return []
    if feedback is not None and done:
        events = [
            Event(client.repo, reviewed.pr.number, t.rule, "fixed", f"fixed:{t.id}", "",
                  reviewed.pr.head_sha)
            for t in fixed
            if t.id in done
        ]  # fmt: skip
        try:
            feedback.add(events)
        except Exception as exc:  # noqa: BLE001 - read back from the thread next time
            log.warning("fixed threads not stored: %s", type(exc).__name__)
    return done


def _publish(
    client: GitHubClient, reviewed: Reviewed, prior: PriorReviews, run_key: str, title: str
) -> None:
    pr, result = reviewed.pr, reviewed.result
    new = [f for f in result.findings if not already_posted(f, prior.fingerprints)]
    repeated = len(result.findings) - len(new)
    notes = [f"{repeated} finding(s) already on this PR are not repeated."] if repeated else []
    if reviewed.muted:
        mute_after = reviewed.config.learn.mute_after
        hit = sorted({f.rule for f in new if f.rule in reviewed.muted})
        note = "muted in this repository (see the note above)"
        new = [to_summary(f, note) if f.inline and f.rule in hit else f for f in new]
        notes.extend(muted_note(rule, reviewed.muted[rule], mute_after) for rule in hit)
    build = draft_builder(
        result, new, reviewed.config, head_sha=pr.head_sha, run_key=run_key, title=title,
        notes=notes,
    )  # fmt: skip
    try:
        review, draft = post_review(client, pr.number, build)
    except GithubException as exc:
        if not _forbidden(exc):
            raise
        reviewed.refused = f"GitHub answered {exc.status} to posting the review"
        return
    review_id = review.get("id")
    reviewed.posted = Posted(
        review_id=review_id if isinstance(review_id, int) else None,
        new=len(new),
        inline=len(draft.payload["comments"]),
        placed=draft.placed,
    )
