"""The data every part of Bastion shares. Imports nothing of ours."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; used for thresholds (`fail_on`, `min_severity`)."""
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank


_SEVERITY_RANK = {Severity.INFO: 0, Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


class Category(StrEnum):
    SECURITY = "security"
    INDEXING = "indexing"
    API_DESIGN = "api-design"


class Source(StrEnum):
    RULES = "rules"
    LLM = "llm"


class FileStatus(StrEnum):
    ADDED = "added"
    MODIFIED = "modified"
    RENAMED = "renamed"
    COPIED = "copied"
    DELETED = "deleted"
    BINARY = "binary"


class FileKind(StrEnum):
    """What a backend file is, as far as the rules care."""

    CODE = "code"  # server code in a general-purpose language
    MIGRATION = "migration"  # schema migration (SQL or framework DSL)
    SQL = "sql"  # SQL that is not a migration (queries, schema dumps)
    ORM_SCHEMA = "orm-schema"  # prisma schema, models.py, ActiveRecord schema.rb ...
    API_SPEC = "api-spec"  # OpenAPI / Swagger, .proto, GraphQL SDL
    CONFIG = "config"  # YAML / JSON / .env that can hold secrets
    OTHER = "other"  # not backend (docs, frontend, lock files ...)


class LineType(StrEnum):
    ADDED = "+"
    REMOVED = "-"
    CONTEXT = " "


class DiffLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    type: LineType
    text: str
    # Post-change line number (RIGHT side); None for removed lines.
    new_no: int | None = None
    # Pre-change line number (LEFT side); None for added lines.
    old_no: int | None = None


class Hunk(BaseModel):
    model_config = ConfigDict(frozen=True)

    old_start: int
    old_length: int
    new_start: int
    new_length: int
    header: str = ""
    lines: tuple[DiffLine, ...] = ()

    @property
    def new_end(self) -> int:
        """Last RIGHT-side line number this hunk shows (inclusive)."""
        return self.new_start + max(self.new_length, 1) - 1

    def right_lines(self) -> frozenset[int]:
        return self._right_lines

    @cached_property
    def _right_lines(self) -> frozenset[int]:
        # Asked once per finding and per line looked up: building it each time made
        # anchoring quadratic in the size of a hunk.
        return frozenset(ln.new_no for ln in self.lines if ln.new_no is not None)


class ChangedFile(BaseModel):
    """One file of a diff, with everything later stages need to know about it."""

    path: str
    previous_path: str | None = None
    status: FileStatus
    language: str | None = None  # "python", "typescript", "sql", "yaml" ...
    kind: FileKind = FileKind.OTHER
    hunks: tuple[Hunk, ...] = ()
    # RIGHT-side lines a review comment may be attached to (added + context lines).
    commentable_lines: frozenset[int] = frozenset()
    # RIGHT-side lines this change added or modified.
    added_lines: frozenset[int] = frozenset()
    # Post-change content, when known (`--git`, or fetched from GitHub).
    content: str | None = None
    # Pre-change content, loaded only for files whose rules compare versions
    # (API descriptions: OpenAPI, protobuf).
    base_content: str | None = None
    mode_changed: bool = False
    is_binary: bool = False
    # Why selection kept this file (e.g. "SQL migration (Flyway)").
    reason: str = ""
    # Lines by number, computed once: rules and anchoring ask for lines often.
    # Keyed by the content and hunks it came from: `model_copy` copies private
    # attributes, and a copy with new content must not see stale lines.
    _lines: tuple[object, object, dict[int, str]] | None = PrivateAttr(default=None)
    _visible: tuple[object, str] | None = PrivateAttr(default=None)

    def hunk_of(self, line: int) -> Hunk | None:
        for hunk in self.hunks:
            if line in hunk.right_lines():
                return hunk
        return None

    def added_text(self) -> dict[int, str]:
        """Added lines by post-change line number."""
        return {
            ln.new_no: ln.text
            for hunk in self.hunks
            for ln in hunk.lines
            if ln.type is LineType.ADDED and ln.new_no is not None
        }

    def reindented_lines(self) -> frozenset[int]:
        """Added lines whose removed twin in the same hunk differs only in whitespace
        (a re-indent, a reflow): the code was there before this change."""
        found: set[int] = set()
        for hunk in self.hunks:
            removed: dict[str, int] = {}
            for ln in hunk.lines:
                if ln.type is LineType.REMOVED:
                    # A file saved with classic Mac line ends (CR only) is one line to
                    # git: its lines come back one by one when it is re-saved with LF.
                    for part in ln.text.split("\r"):
                        key = "".join(part.split())
                        if key:
                            removed[key] = removed.get(key, 0) + 1
            if not removed:
                continue
            for ln in hunk.lines:
                if ln.type is not LineType.ADDED or ln.new_no is None:
                    continue
                key = "".join(ln.text.split())
                if removed.get(key, 0) > 0:
                    removed[key] -= 1
                    found.add(ln.new_no)
        return frozenset(found)

    def right_text(self) -> dict[int, str]:
        """Every RIGHT-side line the diff shows (added and context)."""
        return {
            ln.new_no: ln.text for hunk in self.hunks for ln in hunk.lines if ln.new_no is not None
        }

    def line_text(self, line: int) -> str | None:
        # Called per line by many checks: read the private cache from pydantic's slot
        # directly, since `self._lines` goes through `BaseModel.__getattr__` every time.
        private = self.__pydantic_private__
        cache = private.get("_lines") if private is not None else None
        if cache is None or cache[0] is not self.content or cache[1] is not self.hunks:
            if self.content is not None:
                lines = dict(enumerate(self.content.splitlines(), start=1))
            else:
                lines = self.right_text()
            cache = self._lines = (self.content, self.hunks, lines)
        return cache[2].get(line)

    def visible_text(self) -> str:
        """The post-change file as far as it is known, with line numbers preserved.

        With full content this is the content. From a plain diff, lines the diff
        does not show are left empty, so analyzers report the same line numbers
        they would on the real file.
        """
        if self.content is not None:
            return self.content
        cache = self._visible
        if cache is not None and cache[0] is self.hunks:
            return cache[1]
        known = self.right_text()
        text = ""
        if known:
            last = max(known)
            text = "\n".join(known.get(n, "") for n in range(1, last + 1)) + "\n"
        self._visible = (self.hunks, text)
        return text

    @property
    def is_backend(self) -> bool:
        return self.kind is not FileKind.OTHER


class SkippedFile(BaseModel):
    path: str
    reason: str


class FindingPart(BaseModel):
    """Another report of the same problem, kept when reports are consolidated into
    one finding: nothing an engine said is lost by merging."""

    rule: str
    title: str
    source: Source
    line: int = Field(ge=1)
    end_line: int = Field(ge=1)
    severity: Severity
    body: str = ""


class Finding(BaseModel):
    """One problem found by an engine. The JSON output's `findings[]` item."""

    path: str
    line: int = Field(ge=1)
    end_line: int = Field(ge=1)
    category: Category
    severity: Severity
    rule: str
    title: str
    body: str
    suggestion: str | None = None
    source: Source = Source.RULES
    fingerprint: str = ""
    # False when the finding could not be placed on a diff line; it then goes
    # to the review summary with `anchor_note` saying why.
    inline: bool = True
    anchor_note: str | None = None
    # Every engine that reported this (after merging rule and LLM findings).
    sources: list[Source] = Field(default_factory=list)
    confidence: float | None = None
    # An LLM's verdict that a rule finding is a false alarm, with its reason.
    dismissed: str | None = None
    # CWE number an engine gave, and the rule id an LLM finding says it is about:
    # both place the finding in a problem class (`bot.consolidate`).
    cwe: int | None = None
    cites: str | None = None
    # The problem this finding is about: class, file and code region. Reports with
    # the same problem become one finding, the others listed in `also`.
    problem: str = ""
    also: list[FindingPart] = Field(default_factory=list)
    # Fingerprints this problem had before problem keys (markers on older reviews).
    legacy_fingerprints: list[str] = Field(default_factory=list, exclude=True)
    # The old id (one of `rule`'s aliases) the check reported this under: a rule folded
    # from several checks is still told apart by the steps that read the change as a
    # whole (`bot.rules.migrations_refine`, `bot.schema.table_size`). Empty otherwise.
    reported_as: str = Field("", exclude=True)


def fold_findings(
    findings: Sequence[Finding], folded: Collection[int], notes: Mapping[int, str]
) -> list[Finding]:
    """`findings` without the positions in `folded`, each position in `notes` with its
    note added to the body: what is left when repeats of one problem become one comment
    that names the other places."""
    out: list[Finding] = []
    for i, finding in enumerate(findings):
        if i in folded:
            continue
        if i in notes:
            finding = finding.model_copy(update={"body": f"{finding.body}\n\n{notes[i]}"})
        out.append(finding)
    return out


class RuleError(BaseModel):
    """A rule or analyzer that raised; recorded, never fatal."""

    rule: str
    path: str | None = None
    error: str


class UnfinishedUnit(BaseModel):
    """Rule work stopped by a time budget: named in the review, never silently dropped."""

    path: str  # the file, or the files a batch check covers
    checks: list[str]  # the checks that did not finish on it
    reason: str  # "file budget" or "review budget"
    budget_s: float

    def note(self) -> str:
        names = "/".join(self.checks[:3]) + ("/…" if len(self.checks) > 3 else "")
        plural = "checks" if len(self.checks) > 1 else "check"
        what = (
            f"{names} {plural} exceeded {self.budget_s:g} s"
            if self.reason == "file budget"
            else f"{names} {plural} not run: the review's {self.budget_s:g} s ran out"
        )
        return f"Not reviewed (time budget): `{self.path}` ({what})"


class Stats(BaseModel):
    files_reviewed: int = 0
    lines_reviewed: int = 0
    duration_ms: int = 0
    files_skipped: int = 0
    engines: list[str] = Field(default_factory=list)
    rule_errors: list[RuleError] = Field(default_factory=list)
    # Rule work a time budget stopped (the App runs the rules under budgets).
    unfinished: list[UnfinishedUnit] = Field(default_factory=list)
    llm: dict[str, object] | None = None


class ReviewResult(BaseModel):
    schema_version: int = 1
    findings: list[Finding] = Field(default_factory=list)
    skipped: list[SkippedFile] = Field(default_factory=list)
    stats: Stats = Field(default_factory=Stats)
    # Human-readable notes for the summary (an engine that did not run, files
    # without a patch ...). Never silently lose anything.
    notes: list[str] = Field(default_factory=list)

    def inline_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.inline]

    def summary_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.inline]

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)
