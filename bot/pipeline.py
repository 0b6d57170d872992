"""The one review path every entry uses: diff -> select -> engines -> merge -> anchor.

Pure apart from the engines it is handed: the caller provides post-change
contents (from git, from GitHub, or nothing) and, optionally, an LLM reviewer.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from bot import lazyre as re
from bot.config import RepoConfig, RulesConfig
from bot.consolidate import consolidate_findings, fold_repeated_flows
from bot.diff import read_diff
from bot.models import (
    Category,
    ChangedFile,
    FileKind,
    FileStatus,
    Finding,
    LineType,
    ReviewResult,
    RuleError,
    Severity,
    SkippedFile,
    Stats,
)
from bot.select import select_backend

if TYPE_CHECKING:
    from bot.rules.engine import Check, RuleRun
    from bot.schema import Schema
    from bot.spec_refs import RefReader, RefTexts, Side

log = logging.getLogger("bastion.pipeline")

ContentLoader = Callable[[ChangedFile], str | None]


class RuleRunner(Protocol):
    """Runs the rule engine over the backend files: `bot.rules.engine.run_rules` in this
    process, or `bot.isolation.budgeted_rule_runner(...)` in a child under time budgets.
    `extra_checks` are this review's own checks (a team's rules), run with the rest."""

    def __call__(
        self, files: Sequence[ChangedFile], config: RulesConfig, /, *, extra_checks: Sequence[Check]
    ) -> RuleRun: ...


# How many "not reviewed" notes a summary lists before counting the rest.
_UNFINISHED_NOTES = 10


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
    rule_runner: RuleRunner | None = None,
    load_ref: RefReader | None = None,
    schema_files: Mapping[str, str] | None = None,
    extra_checks: Sequence[Check] = (),
    released: Callable[[str], bool | None] | None = None,
) -> ReviewResult:
    """Review already-parsed files (the App and the Action fetch them from GitHub).

    `load_base_content` gives the pre-change text of a file, asked only for the files
    a rule compares (`wants_base`). `load_ref(path, side)` reads another file of the
    repository at the base or the head, for the files an OpenAPI description `$ref`s.
    `schema_files` is `{path: post-change text}` of the repository's schema-bearing
    files (`bot.schema.schema_paths`): the checks then see the whole schema, not only
    what the diff shows. `extra_checks` run with the built-in rules for this review
    only (a team's rules from `.github/bastion/rules/`, `bot.rules.declarative`).
    `released(path)` says whether a file is part of a release tag (from the git
    history, when the CLI has it): a table whose creating migration has not shipped
    is empty, so a lock on it blocks nobody.

    Each engine is isolated from the other: a rule engine that fails, or an agent
    that raises anything at all, becomes a note, and the other's findings stand."""
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
    refs = _spec_refs(backend, load_ref) if load_ref is not None else {}
    schema, schema_note = _build_schema(schema_files)
    if schema_note:
        notes.append(schema_note)

    with _review_context(schema, refs, config):
        run = _run_rule_engine(rule_runner or run_rules, backend, config.rules, extra_checks)
    rule_findings = _in_context([f for f in run.findings if f.category in wanted], backend, files)
    errors: list[RuleError] = list(run.errors)
    engines = ["rules"]
    llm_findings: list[Finding] = []
    usage: dict[str, object] | None = None
    if agent is not None and backend:
        # The agent reads the same schema as the checks: the tables the change touches.
        with _review_context(schema, {}, config):
            outcome = _run_agent(agent, backend, rule_findings, config)
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
    findings = _by_table_size(
        findings, backend, schema_files, schema, config, released, _removed_lines(files)
    )
    findings = _under_framework_defaults(findings, backend, schema_files)
    findings = fold_repeated_flows(_fold_copies(findings, backend))
    findings = [_place(f, config) for f in findings]
    findings.sort(key=lambda f: (f.path, f.line, -f.severity.rank, f.rule))
    if errors:
        notes.append(
            "Some checks failed and were skipped: "
            + "; ".join(f"{e.rule} on {e.path or 'all files'} ({e.error})" for e in errors[:5])
        )
    notes.extend(run.cap_notes())
    notes.extend(u.note() for u in run.unfinished[:_UNFINISHED_NOTES])
    if len(run.unfinished) > _UNFINISHED_NOTES:
        more = len(run.unfinished) - _UNFINISHED_NOTES
        notes.append(f"Not reviewed (time budget): {more} more (see stats.unfinished).")
    stats = Stats(
        files_reviewed=len(backend),
        lines_reviewed=sum(len(f.added_lines) for f in backend),
        duration_ms=int((time.perf_counter() - started) * 1000),
        files_skipped=len(all_skipped),
        engines=engines,
        rule_errors=errors,
        unfinished=run.unfinished,
        llm=usage,
    )
    return ReviewResult(findings=findings, skipped=all_skipped, stats=stats, notes=notes)


def _in_context(
    findings: list[Finding], backend: Sequence[ChangedFile], files: Sequence[ChangedFile]
) -> list[Finding]:
    """Migration findings read against the whole change (`bot.rules.migrations_refine`);
    table size is applied later, by `_by_table_size`."""
    from bot.rules.migrations_refine import refine

    return refine(findings, backend, files)


def _run_rule_engine(
    runner: RuleRunner,
    files: Sequence[ChangedFile],
    config: RulesConfig,
    extra_checks: Sequence[Check] = (),
) -> RuleRun:
    """The rule engine isolates each check; this catches the engine itself failing
    (or its child process not starting), so the agent still reviews."""
    from bot.rules.engine import RuleRun, describe

    try:
        return runner(files, config, extra_checks=extra_checks)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a native panic is a BaseException, and must not end the review
        log.warning("the rule engine failed: %s", describe(exc))
        return RuleRun(findings=[], errors=[RuleError(rule="rule engine", error=describe(exc))])


def _run_agent(
    agent: Reviewer, files: Sequence[ChangedFile], hints: Sequence[Finding], config: RepoConfig
) -> AgentOutcome:
    """The agent turns API errors into notes itself; anything else it raises (a bug,
    a malformed reply it did not expect) must not take the rule findings with it."""
    from bot.rules.engine import describe

    try:
        return agent.review(files, hints, config)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        log.warning("the AI review failed: %s", describe(exc))
        return AgentOutcome(
            ran=False, notes=[f"AI review failed ({describe(exc)}); rule findings only."]
        )


def declares_routes(file: ChangedFile) -> bool:
    """Whether a backend code file declares HTTP routes, or the request/response types
    they use (`bot.routes_contract.declares_routes`, a cheap path and text test): its
    base version is what the route contract is compared with. The removed lines count
    too — a change that deletes a file's routes declares them only there."""
    from bot.routes_contract import declares_routes as contract_file

    removed = [ln.text for hunk in file.hunks for ln in hunk.lines if ln.type is LineType.REMOVED]
    return contract_file(file.path, file.visible_text() + "\n" + "\n".join(removed))


def wants_base(file: ChangedFile) -> bool:
    """Whether a rule compares this file with its pre-change version: API descriptions
    (OpenAPI, protobuf, GraphQL SDL) and code that declares routes. Only a file that
    existed before (modified or renamed) has one."""
    if file.base_content is not None:
        return False
    if file.status not in (FileStatus.MODIFIED, FileStatus.RENAMED):
        return False
    if file.kind is FileKind.API_SPEC:
        return True
    return file.kind in (FileKind.CODE, FileKind.ORM_SCHEMA) and declares_routes(file)


def _with_base(file: ChangedFile, load: ContentLoader) -> ChangedFile:
    """Rules that compare versions need the pre-change file; it is read for those alone."""
    if not wants_base(file):
        return file
    return file.model_copy(update={"base_content": load(file)})


def _spec_refs(files: Sequence[ChangedFile], read: RefReader) -> RefTexts:
    """The files each changed OpenAPI description `$ref`s, at the base and at the head
    (the base read under the spec's previous path when it moved)."""
    from bot.spec_refs import collect

    texts: RefTexts = {}
    for file in files:
        if file.kind is not FileKind.API_SPEC or file.language not in ("yaml", "json"):
            continue
        if file.base_content is None or file.content is None:
            continue  # nothing to compare: `OpenApiBreaking` needs both sides
        sides: tuple[tuple[Side, str, str], ...] = (
            ("base", file.previous_path or file.path, file.base_content),
            ("head", file.path, file.content),
        )
        for side, path, text in sides:
            found = collect(path, text, side, read)
            if found:
                # Keyed by the head path: the check asks for the file it is given.
                texts[(side, file.path)] = _rekey(found, path, file.path)
    return texts


def _rekey(found: dict[str, str], spec_at: str, spec_now: str) -> dict[str, str]:
    """Referenced paths of a spec that moved, as seen from where it is now."""
    import posixpath

    old_dir, new_dir = posixpath.dirname(spec_at), posixpath.dirname(spec_now)
    if old_dir == new_dir:
        return found
    out: dict[str, str] = {}
    for path, text in found.items():
        relative = posixpath.relpath(path, old_dir or ".")
        out[posixpath.normpath(posixpath.join(new_dir, relative))] = text
    return out


def _build_schema(files: Mapping[str, str] | None) -> tuple[Schema | None, str | None]:
    """The repository's schema, or None and a one-line note saying why there is none
    (the schema checks then read only the changed files, as without `schema_files`)."""
    if files is None:
        return None, None
    from bot.rules.engine import describe
    from bot.schema import build_schema

    try:
        return build_schema(files), None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a reader's bug must not cost the review
        log.warning("schema model not built: %s", describe(exc))
        return None, (
            f"The schema model could not be built ({describe(exc)}); indexing checks "
            "used the changed files only."
        )


@contextmanager
def _review_context(schema: Schema | None, refs: RefTexts, config: RepoConfig) -> Iterator[None]:
    """What the checks read besides the files: the schema and the referenced spec
    files. Context variables: `bot.isolation` carries them into its child process."""
    from bot.schema import context as schema_context
    from bot.spec_refs import use as use_refs

    with ExitStack() as stack:
        if schema is not None:
            stack.enter_context(
                schema_context.use(
                    schema, large_tables=config.large_tables, small_tables=config.small_tables
                )
            )
        if refs:
            stack.enter_context(use_refs(refs))
        yield


def _fold_copies(findings: list[Finding], backend: Sequence[ChangedFile]) -> list[Finding]:
    from bot.rules.migrations_refine import fold_copies

    return fold_copies(findings, backend)


def _under_framework_defaults(
    findings: list[Finding],
    files: Sequence[ChangedFile],
    schema_files: Mapping[str, str] | None,
) -> list[Finding]:
    """Findings re-rated by what the application's own configuration turns on (Rails'
    `load_defaults`), read from the files fetched with the schema and the change."""
    from bot.rules.rails_defaults import redirects_under_rails_defaults

    if not any(f.rule == "open-redirect" for f in findings):
        return findings
    texts = dict(schema_files or {})
    texts.update({f.path: f.visible_text() for f in files})
    return redirects_under_rails_defaults(findings, texts)


def _by_table_size(
    findings: list[Finding],
    files: Sequence[ChangedFile],
    schema_files: Mapping[str, str] | None,
    schema: Schema | None,
    config: RepoConfig,
    released: Callable[[str], bool | None] | None = None,
    removed: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Migration hazards re-rated by the size of the table they touch (severity decides
    inline or summary, so before `_place`)."""
    from bot.schema.table_size import adjust_for_table_size

    texts = dict(schema_files or {})
    texts.update({f.path: f.visible_text() for f in files})
    new_paths = (
        None if schema_files is None else {f.path for f in files if f.status is FileStatus.ADDED}
    )
    return adjust_for_table_size(
        findings,
        texts,
        config.large_tables,
        config.small_tables,
        schema,
        new_paths,
        released,
        removed,
        database=config.database,
        deploy=config.deploy,
    )


# Rails' `self.ignored_columns = [...]`: the model already stopped reading these
# columns. Taking a name off that list when the column is dropped is the last step of
# the safe order, not code that still uses it.
_IGNORED_COLUMNS = re.compile(r"\bignored_columns\b")


def _removed_lines(files: Sequence[ChangedFile]) -> dict[str, str]:
    """The lines the change removes, per file, deleted files included (a drop is
    judged by whether the change also removes the code that used the dropped name);
    names taken off a Rails `ignored_columns` list do not count as code."""
    from bot.models import LineType

    out: dict[str, str] = {}
    for f in files:
        kept: list[str] = []
        for hunk in f.hunks:
            in_list = False
            for ln in hunk.lines:
                named = _IGNORED_COLUMNS.search(ln.text)
                if named is not None and ln.type is not LineType.ADDED:
                    # The list may go on over several lines, up to its closing `]`.
                    rest = ln.text[named.end() :]
                    in_list = "[" in rest and "]" not in rest
                    continue
                if in_list and ln.type is not LineType.ADDED:
                    in_list = "]" not in ln.text
                    continue
                if ln.type is LineType.REMOVED:
                    kept.append(ln.text)
        out[f.path] = "\n".join(kept)
    return out


# Schema-bearing files a review reads at most (migrations included): past this, the
# snapshots and the newest migrations are kept and the review notes the cap.
MAX_SCHEMA_FILES = 150
MAX_EVIDENCE_FILES = 20
_HISTORY_DIRS = frozenset(
    {"migrations", "migrate", "migration", "versions", "alembic", "flyway", "changelog"}
)


def pick_schema_files(paths: Iterable[str], limit: int = MAX_SCHEMA_FILES) -> tuple[list[str], int]:
    """The schema-bearing paths of a repository listing to read, and how many were
    left out by `limit`. Snapshots (schema.rb, models, Prisma ...) come first; then the
    newest migrations: a table the model misses makes the checks silent, whereas a
    missing late index would make them claim one is missing."""
    import re
    from pathlib import PurePosixPath

    from bot.schema import schema_paths, upgrade_evidence

    def natural(path: str) -> tuple[object, ...]:
        return tuple(int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", path))

    found = schema_paths(paths)
    if len(found) <= limit:
        return found, 0
    history = [p for p in found if {d.lower() for d in PurePosixPath(p).parts[:-1]} & _HISTORY_DIRS]
    # READMEs beside the migrations and Flyway's start-up config come first: a few
    # files that say whether the migrations run with no old release serving.
    evidence = [p for p in found if upgrade_evidence.candidate(p)][:MAX_EVIDENCE_FILES]
    older = set(history) | set(evidence)
    snapshots = [p for p in found if p not in older]
    ordered = [*evidence, *snapshots, *sorted(history, key=natural, reverse=True)]
    return sorted(ordered[:limit]), len(found) - limit


def schema_cap_note(left_out: int, limit: int = MAX_SCHEMA_FILES) -> str:
    return (
        f"The schema model read {limit} schema files (snapshots and the newest migrations); "
        f"{left_out} older migration file(s) were left out."
    )


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
    rule_runner: RuleRunner | None = None,
    load_ref: RefReader | None = None,
    schema_files: Mapping[str, str] | None = None,
    extra_checks: Sequence[Check] = (),
    released: Callable[[str], bool | None] | None = None,
) -> ReviewResult:
    """Parse a unified diff and review it. Raises `DiffError` on a broken diff."""
    started = time.perf_counter()
    read = read_diff(diff)
    result = review_files(
        read.files,
        config,
        load_content=load_content,
        load_base_content=load_base_content,
        categories=categories,
        agent=agent,
        agent_off_reason=agent_off_reason,
        started=started,
        rule_runner=rule_runner,
        load_ref=load_ref,
        schema_files=schema_files,
        extra_checks=extra_checks,
        released=released,
    )
    if read.skipped:  # past the diff's file limit: listed, never parsed
        result.skipped.extend(read.skipped)
        result.stats.files_skipped += len(read.skipped)
        result.notes.append(read.note() or "")
    return result
