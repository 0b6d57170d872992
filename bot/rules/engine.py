"""The rule engine: a registry of rules, the checks that report them, and the runner.

A *rule* is what a user sees (id, category, severity, rationale, fix). A *check*
is the code that finds problems, often one analyzer integration reporting many
rules (ruff over every Python file at once, squawk over each migration). Checks
return `Hit`s; the runner turns them into `Finding`s, keeping only hits on lines
the change added, applying the repo config and inline suppressions, and
recording — never propagating — a check that raises.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from bot import lazyre as re
from bot.config import RulesConfig
from bot.models import (
    Category,
    ChangedFile,
    FileKind,
    FileStatus,
    Finding,
    RuleError,
    Severity,
    Source,
    UnfinishedUnit,
)
from bot.rules.lib.build_symbols import test_build_symbol
from bot.rules.lib.cli_scripts import command_line_only
from bot.rules.lib.reformat import Layout, layout_only
from bot.rules.lib.scopes import enclosing_function, words
from bot.select import is_example_or_tool_path

if TYPE_CHECKING:
    from bot.rules.loader import RuleSpec

log = logging.getLogger("bastion.rules")


class RuleCase(BaseModel):
    """A fixture: a file (treated as newly added) and the lines the rule must flag."""

    model_config = ConfigDict(frozen=True)

    path: str
    code: str
    lines: tuple[int, ...] = ()  # empty: a negative case, nothing may be flagged
    # The pre-change version, for rules that compare versions (API descriptions).
    base: str | None = None
    # Unchanged files of the repository (path, text) the schema is also built from: a
    # model queried here whose table a `db/schema.rb` or a migration declares.
    repo: tuple[tuple[str, str], ...] = ()
    # Other files of the same change (path, text), added beside this one: a migration
    # adding the column a query in this file filters on.
    changed: tuple[tuple[str, str], ...] = ()


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Category
    severity: Severity
    title: str
    rationale: str  # why it matters in production, concretely
    fix: str  # what to do instead
    languages: tuple[str, ...]
    positive: tuple[RuleCase, ...] = ()
    negative: tuple[RuleCase, ...] = ()
    # Old ids this rule is also known by (suppressions and config naming them still work).
    aliases: tuple[str, ...] = ()
    cwe: tuple[int, ...] = ()


@dataclass(frozen=True)
class Hit:
    """A raw report from a check, before the engine turns it into a Finding."""

    rule: str
    path: str
    line: int
    end_line: int | None = None
    detail: str | None = None  # extra text for the body (e.g. the analyzer's message)
    suggestion: str | None = None  # replaces exactly lines line..end_line
    title: str | None = None  # overrides the rule's title when more specific
    # A finding about the file as a whole that stands even when the change added no
    # line (e.g. a spec change that only removed an operation); it goes to the summary.
    file_level: bool = False
    # Below the rule's own severity when the check knows the hazard is conditional (the
    # repository's config still decides over both).
    severity: Severity | None = None
    # A flow sent to the summary because it went through a call whose code its file does
    # not show: (that call, the title and detail it has inline). When another file of the
    # change defines the called function, the finding is restored (`findings_of`).
    opaque: tuple[str, str, str] | None = None
    # With `opaque`: why the finding stays in the summary even when restored (the names of
    # a redirect's inputs say it fills the app's own path), added to its detail then.
    restored_note: str | None = None


class Check:
    """Base class of every check. Subclasses set `name`, `rules` and implement one of
    `check_file` (called per file, errors isolated per file) or, with `batch = True`,
    `check_files` (called once with every file it wants)."""

    name: str = "check"
    rules: tuple[Rule, ...] = ()
    languages: frozenset[str] = frozenset()  # empty: any language
    kinds: frozenset[FileKind] = frozenset()  # empty: any backend kind
    batch: bool = False

    def wants(self, file: ChangedFile) -> bool:
        if self.languages and file.language not in self.languages:
            return False
        return not self.kinds or file.kind in self.kinds

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        raise NotImplementedError

    def check_files(self, files: Sequence[ChangedFile]) -> Iterable[Hit]:
        raise NotImplementedError


@dataclass
class Registry:
    """Checks and the rules they report. A rule's metadata comes from the catalogue
    (`bot.rules.loader`) when it has an entry there: built-in checks name their
    rules (`catalog_rules`); a `Rule` built in code is a plugin's or a test's."""

    checks: list[Check] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    # Old id -> the id its hits are reported under.
    aliases: dict[str, str] = field(default_factory=dict)
    # Old id -> its own wording, for hits a check still reports under it.
    variants: dict[str, Rule] = field(default_factory=dict)
    # Every id a check declares, as the check declares it (see tests/test_rule_catalog.py).
    declared: dict[str, Rule] = field(default_factory=dict)

    def add(self, check: Check) -> Check:
        from bot.rules.loader import builtin_catalog

        catalog = builtin_catalog()
        for rule in check.rules:
            canonical = catalog.canonical(rule.id)
            spec = catalog.rules.get(canonical)
            # A rule checked one way in some languages and another way in others
            # (`check.by-language`) is reported by several checks.
            shared = spec is not None and bool(spec.check.by_language)
            if rule.id in self.declared and not shared:
                raise ValueError(f"rule id {rule.id!r} registered twice")
            self.declared[rule.id] = rule
            if spec is None:
                self.rules[rule.id] = rule
                continue
            known = self.rules.get(canonical)
            cases = {
                "positive": (*(known.positive if known else ()), *rule.positive),
                "negative": (*(known.negative if known else ()), *rule.negative),
            }
            self.rules[canonical] = rule_from_spec(spec).model_copy(update=cases)
            self.aliases.update((alias, canonical) for alias in spec.aliases)
            if canonical != rule.id:
                self.variants[rule.id] = variant_rule(spec, rule.id)
        self.checks.append(check)
        return check

    def canonical(self, rule_id: str) -> str:
        return self.aliases.get(rule_id, rule_id)

    def names(self) -> set[str]:
        """Every id and old id a rule of this registry answers to."""
        return {*self.rules, *self.aliases, *self.declared}

    def with_checks(self, extra: Sequence[Check]) -> Registry:
        """A copy with one review's own checks added (a team's rules): the registries
        `registry()` caches are shared by every review of the process, so they are
        never changed. An id or old id already taken is a ValueError."""
        if not extra:
            return self
        out = Registry(
            checks=list(self.checks),
            rules=dict(self.rules),
            aliases=dict(self.aliases),
            variants=dict(self.variants),
            declared=dict(self.declared),
        )
        from bot.rules.loader import builtin_catalog

        catalog = builtin_catalog()
        for check in extra:
            for rule in check.rules:
                taken = out.names() | set(catalog.rules) | set(catalog.aliases)
                clash = sorted({rule.id, *rule.aliases} & taken)
                if clash:
                    raise ValueError(f"rule id {clash[0]!r} is already used")
            out.add(check)
            for rule in check.rules:
                out.aliases.update((alias, rule.id) for alias in rule.aliases)
        return out

    def wording(self, rule_id: str) -> Rule | None:
        """The rule whose text a hit under `rule_id` gets: an old id's own variant."""
        return self.variants.get(rule_id) or self.rules.get(self.canonical(rule_id))


def catalog_rules(*ids: str) -> tuple[Rule, ...]:
    """The rules a Python check reports, read from the catalogue: a check names its
    ids and keeps no rule text of its own. An old id (an alias a check still reports
    under) gets its own wording. An id with no `rule.yml` is a bug, so it raises."""
    from bot.rules.loader import builtin_catalog

    catalog = builtin_catalog()
    out = []
    for rule_id in ids:
        spec = catalog.rules.get(catalog.canonical(rule_id))
        if spec is None:
            raise KeyError(f"rule {rule_id!r} has no rule.yml in bot/rules/catalog")
        out.append(variant_rule(spec, rule_id).model_copy(update={"id": rule_id}))
    return tuple(out)


def catalog_languages(rule_id: str, module: str) -> frozenset[str]:
    """The languages of `rule_id` whose check is the Python module `module` (a name under
    `bot.rules`, or the module running the language's analyzer): a rule folded from
    per-language ids is checked by several modules, and each runs only on its own
    languages (`check.by-language`)."""
    from bot.rules.loader import builtin_catalog

    catalog = builtin_catalog()
    spec = catalog.rules[catalog.canonical(rule_id)]
    return frozenset(
        lang
        for lang in spec.languages
        if any(module in own.modules_named() for own in spec.check.for_language(lang))
    )


def catalog_rule(rule_id: str) -> Rule:
    """One rule of the catalogue, for a check that reports one id."""
    return catalog_rules(rule_id)[0]


def rule_from_spec(spec: RuleSpec) -> Rule:
    return Rule(
        id=spec.id,
        category=spec.category,
        severity=spec.severity,
        title=spec.title,
        rationale=spec.rationale,
        fix=spec.fix,
        languages=spec.languages,
        aliases=spec.aliases,
        cwe=spec.cwe,
    )


def variant_rule(spec: RuleSpec, old_id: str) -> Rule:
    """How a hit reported under an old id reads: the old id's wording when the
    catalogue kept it, else the rule's own."""
    variant = spec.variants.get(old_id)
    if variant is None:
        return rule_from_spec(spec)
    return rule_from_spec(spec).model_copy(
        update={
            "title": variant.title,
            "rationale": variant.rationale,
            "fix": variant.fix,
            "severity": variant.severity,
            "languages": variant.languages or spec.languages,
            "cwe": variant.cwe or spec.cwe,
        }
    )


_REGISTRIES: dict[frozenset[str] | None, Registry] = {}
_EXTRA_CHECKS: list[Check] = []


def add_check(check: Check) -> Check:
    """Register a check from outside `bot.rules` (a plugin, a test's own check)."""
    _EXTRA_CHECKS.append(check)
    _REGISTRIES.clear()
    return check


def remove_check(check: Check) -> None:
    _EXTRA_CHECKS.remove(check)
    _REGISTRIES.clear()


def _module_names() -> list[str]:
    import bot.rules as package

    return sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_") and info.name != "engine"
    )


def registry(languages: Iterable[str | None] | None = None) -> Registry:
    """The checks in `bot.rules`, discovered once per set of languages. A module
    registers its checks by defining `CHECKS: list[Check]` at module level.

    Only modules the catalogue names are imported (`Catalog.module_languages`), and with
    `languages` only those whose rules are checked in one of them; without, all of them
    (the catalogue)."""
    from bot.rules.loader import builtin_module_languages

    key = None if languages is None else frozenset(x for x in languages if x)
    cached = _REGISTRIES.get(key)
    if cached is not None:
        return cached
    modules = builtin_module_languages()
    reg = Registry()
    for name in _module_names():
        if name not in modules:
            continue  # no rule names it: a parser or helper the rule modules share
        wanted = modules[name]
        if key is not None and wanted is not None and not wanted & key:
            continue
        module = importlib.import_module(f"bot.rules.{name}")
        for check in getattr(module, "CHECKS", ()):
            reg.add(check)
    for check in _EXTRA_CHECKS:
        reg.add(check)
    _REGISTRIES[key] = reg
    return reg


_SUPPRESS = re.compile(r"bastion:\s*ignore(?:\[([^\]]*)\])?", re.IGNORECASE)


# Another security analyzer's suppression, written with the line: the author looked at
# this hazard and decided (`// #nosec G402 -- opt-in for self-signed endpoints`).
_OTHER_ANALYZER_SUPPRESSION = re.compile(
    r"(?:#|//|/\*)\s*#?nosec\b|nolint:[\w,]*\bgosec\b|\bnoqa:\s*(?:[A-Z]+\d+\s*,\s*)*S\d{3}\b"
    r"|\bNOSONAR\b|\bnosemgrep\b"
)
_DOTNET_SECURITY_SUPPRESSION = re.compile(
    r"SuppressMessage\([^)\n]*\"(?:CA5[34]\d\d|SCS\d{4})\b|#pragma\s+warning\s+disable\b[^\n]*\b(?:CA5[34]\d\d|SCS\d{4})\b"
)
_REVIEWED = (
    "The line carries another security analyzer's suppression: the author already decided "
    "on this, so it is noted in the summary."
)


# A comment that says the code is not for production (`# Do not do this in production`,
# `// for local development only`): the author knows; whether it can reach a deployment
# is not in the file, so the finding goes to the summary with that reason.
_NOT_FOR_PRODUCTION = re.compile(
    r"(?i)(?:#|//|/\*|\*|--|<!--)[^\n]{0,160}?(?:\bnot\s+(?:meant\s+|intended\s+|suitable\s+)?"
    r"(?:for|in)\s+production\b|\b(?:do\s+not|don'?t|never)\s+(?:do\s+this|use\s+(?:this|it))"
    r"\s+in\s+production\b|\b(?:local\s+)?(?:development|dev|testing)[\s-]+(?:use\s+)?only\b)"
)
_NOT_FOR_PRODUCTION_NOTE = (
    "A comment here says this is not for production; it matters only if the code can still "
    "reach a deployment, so it is noted in the summary."
)


_TEST_BUILD_NOTE = (
    "This code is compiled only when `{symbol}` is defined, a test or debug build's symbol; "
    "it matters only if a deployed build defines it, which the repository's build files "
    "decide, so it is noted in the summary."
)


# A call without a timeout in a command-line script holds up that run only, not the
# workers of a server answering requests.
_TIMEOUT_RULE = "http-request-no-timeout"
_SCRIPT_NOTE = (
    "The file is a command-line script that reads no web request: a hung call stops that "
    "run, not a server's workers, so it is noted in the summary."
)


# Code implementing a legacy authentication protocol uses the primitives the protocol
# defines (NTLM's DES and MD4, MS-CHAP's, Kerberos' RC4, the `{SHA}` and MD5 entries an
# htpasswd file may hold): the choice is the protocol's,
# which a client or server of it cannot change; whether to support the protocol at all is
# the question, and the file does not answer it.
_LEGACY_CRYPTO_RULES = frozenset({"weak-cipher", "weak-hash", "password-fast-hash"})
_LEGACY_PROTOCOL = re.compile(r"\b(ntlm|ms ?chap|lan ?man|kerberos|netlogon|htpasswd)\b")
_PROTOCOL_NOTE = (
    "The file implements {protocol}, which defines this algorithm: it cannot be swapped "
    "without breaking the protocol, so it is noted in the summary."
)


def _legacy_protocol(file: ChangedFile) -> str | None:
    # `AUTH_SASL_Client_Ntlm.cs`, `ntlm.go`, `MsChapV2.java`, by the words of the file name.
    name = " ".join(words(file.path.replace("\\", "/").rsplit("/", 1)[-1]))
    found = _LEGACY_PROTOCOL.search(name)
    return found.group(1).replace(" ", "").upper() if found else None


_EXAMPLE_NOTE = (
    "The file is in an example app or a benchmark/load-test tool's folder, which is run by "
    "developers rather than deployed; it matters only if it is deployed, so it is noted in "
    "the summary."
)


def _marked_not_for_production(file: ChangedFile, line: int) -> bool:
    for number in (line, line - 1, line - 2):
        text = file.line_text(number) if number > 0 else None
        if text and _NOT_FOR_PRODUCTION.search(text):
            return True
    return False


def _reviewed_elsewhere(file: ChangedFile, line: int) -> bool:
    for number in (line, line - 1):
        text = file.line_text(number) if number > 0 else None
        if text and _OTHER_ANALYZER_SUPPRESSION.search(text):
            return True
    if file.language == "csharp":
        # `[SuppressMessage("...", "CA5350:...", Justification = "...")]` on the method, or
        # `#pragma warning disable CA5351` above the line: a .NET security analyzer's rule
        # the author turned off for this code.
        own = enclosing_function(file.visible_text(), "csharp", line)
        first = own[1] if own is not None else line
        rows = (file.line_text(n) for n in range(max(1, first - 11), line + 1))
        return _DOTNET_SECURITY_SUPPRESSION.search("\n".join(r or "" for r in rows)) is not None
    return False


def suppressed(file: ChangedFile, line: int, rule_id: str, aliases: Iterable[str] = ()) -> bool:
    """`bastion: ignore[rule-id]` (or a bare `bastion: ignore`) in a comment on the
    flagged line or the line above; an old id of the rule (`aliases`) counts too."""
    names = {rule_id, *aliases}
    for number in (line, line - 1):
        text = file.line_text(number) if number > 0 else None
        if not text:
            continue
        for match in _SUPPRESS.finditer(text):
            ids = match.group(1)
            if ids is None or names & {part.strip() for part in ids.split(",")}:
                return True
    return False


_REFORMATTED = (
    "This change only reformats the file (its syntax tree is the same as before); the "
    "code was already there, so it is noted in the summary rather than commented on."
)
_REFORMATTED_HUNK = (
    "This part of the change only reformats code (the same tokens as before, laid out "
    "anew); the code was already there, so it is noted in the summary rather than "
    "commented on."
)
_REINDENTED = (
    "This change only re-indents or re-spaces this line; the code was already there, "
    "so it is noted in the summary rather than commented on."
)


# A flow's evidence beyond its own lines, as `bot.rules.taint` writes it in the detail.
_FLOW_SOURCES = re.compile(r"Flow: CWE-\d+ sink line \d+; source lines ([\d, ]+)\.")
_FLOW_CALLS = re.compile(r"\(called on line (\d+)\)")
_FLOW_FROM = re.compile(r"Flow from: (\S+) lines? ([\d, ]+)\.")


def _numbers(text: str) -> list[int]:
    return [int(n) for n in text.replace(",", " ").split()]


def _evidence_old(
    hit: Hit, file: ChangedFile, by_path: Mapping[str, ChangedFile], layout: Callable[[str], Layout]
) -> bool:
    """Whether the lines a hit rests on beyond its own — a flow's source lines, the calls
    it goes through, the caller in another file — are old too: not added, or added by a
    hunk that only re-lays code. A flow whose source a changed hunk adds is the change's,
    even when its sink only moved."""
    detail = hit.detail or ""
    spots = [(file.path, n) for n in map(int, _FLOW_CALLS.findall(detail))]
    for found in _FLOW_SOURCES.finditer(detail):
        spots.extend((file.path, n) for n in _numbers(found.group(1)))
    if "Flow from:" in detail and not _FLOW_FROM.search(detail):
        return False
    for found in _FLOW_FROM.finditer(detail):
        spots.extend((found.group(1), n) for n in _numbers(found.group(2)))
    for path, n in spots:
        other = by_path.get(path)
        if other is not None and n in other.added_lines and n not in layout(path).lines:
            return False
    return True


def join_detail(detail: str | None, note: str) -> str:
    return f"{detail.strip()} {note}" if detail else note


def _body(rule: Rule, hit: Hit) -> str:
    parts = [rule.rationale.strip()]
    if hit.detail:
        parts.append(hit.detail.strip())
    parts.append(f"**Fix:** {rule.fix.strip()}")
    return "\n\n".join(parts)


@dataclass
class RuleRun:
    findings: list[Finding]
    errors: list[RuleError]
    # Units a budgeted runner stopped before they finished (empty in process).
    unfinished: list[UnfinishedUnit] = field(default_factory=list)
    # (rule id, path) -> findings left out past `MAX_FINDINGS_PER_RULE_AND_FILE`.
    capped: dict[tuple[str, str], int] = field(default_factory=dict)
    # (check name, path): the check stopped reading the file at its hit limit.
    stopped: list[tuple[str, str]] = field(default_factory=list)

    def cap_notes(self) -> list[str]:
        notes = [
            f"`{rule}`: {more:,} more findings in `{path}` not listed "
            f"(at most {MAX_FINDINGS_PER_RULE_AND_FILE} per rule and file)."
            for (rule, path), more in sorted(self.capped.items())
        ]
        notes += [
            f"The `{name}` check stopped reading `{path}` after "
            f"{MAX_HITS_PER_CHECK_AND_FILE:,} hits: the rest of the file was not examined by it."
            for name, path in sorted(self.stopped)
        ]
        return notes


@dataclass(frozen=True)
class Task:
    """One check over its targets: a batch check over every file it wants, or a
    per-file check over one file. `check` indexes `RulePlan.checks`, so that hits
    keep today's order (check by check, file by file) however units are run."""

    check: int
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Unit:
    """What a budget is counted against: one batch check (ruff over every Python
    file), or every per-file check of one file."""

    label: str  # a path, or the paths a batch check covers
    tasks: tuple[Task, ...]
    batch: bool = False


@dataclass
class TaskResult:
    """Plain data, so it crosses a process boundary as it is."""

    hits: list[Hit] = field(default_factory=list)
    # (where, `describe` of what the check raised): where is the file, or the files
    # of a batch run, that it raised on.
    errors: list[tuple[str, str]] = field(default_factory=list)
    # Files a per-file check stopped reading at `MAX_HITS_PER_CHECK_AND_FILE`.
    stopped: list[str] = field(default_factory=list)


@dataclass
class RulePlan:
    """The checks to run, cut into units, plus what turns their hits into findings."""

    files: list[ChangedFile]
    checks: list[Check]
    units: list[Unit]
    rules: dict[str, Rule]
    config: RulesConfig
    wanted_ids: set[str] | None
    registry: Registry = field(default_factory=Registry)
    by_path: dict[str, ChangedFile] = field(init=False)
    order: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.by_path = {f.path: f for f in self.files}
        self.order = {f.path: n for n, f in enumerate(self.files)}

    def targets(self, task: Task) -> list[ChangedFile]:
        return [self.by_path[p] for p in task.paths]

    def where(self, task: Task) -> str:
        return _where(self.targets(task))


def plan_rules(
    files: Sequence[ChangedFile],
    config: RulesConfig | None = None,
    *,
    reg: Registry | None = None,
    only: Iterable[str] | None = None,
    extra_checks: Sequence[Check] = (),
) -> RulePlan:
    """Which checks run on which files, cut into units: each batch check is one
    unit, and each file's per-file checks are one unit. `extra_checks` run in this
    plan only (a team's rules read for this review)."""
    config = config or RulesConfig()
    reg = (reg or registry(f.language for f in files if f.is_backend)).with_checks(extra_checks)
    wanted_ids = {reg.canonical(x) for x in only} if only is not None else None
    checks: list[Check] = []
    batch_units: list[Unit] = []
    per_file: dict[str, list[Task]] = {}
    for check in reg.checks:
        ids = {reg.canonical(r.id) for r in check.rules}
        if wanted_ids is not None and not ids & wanted_ids:
            continue
        if ids and ids <= {reg.canonical(x) for x in config.disable}:
            continue
        targets = [f for f in files if f.is_backend and check.wants(f)]
        if not targets:
            continue
        index = len(checks)
        checks.append(check)
        if check.batch:
            task = Task(index, tuple(f.path for f in targets))
            label = ", ".join(task.paths[:3]) + (" …" if len(task.paths) > 3 else "")
            batch_units.append(Unit(label=label, tasks=(task,), batch=True))
            continue
        for file in targets:
            per_file.setdefault(file.path, []).append(Task(index, (file.path,)))
    units = [*batch_units, *(Unit(path, tuple(tasks)) for path, tasks in per_file.items())]
    return RulePlan(list(files), checks, units, reg.rules, config, wanted_ids, reg)


def run_task(check: Check, targets: Sequence[ChangedFile]) -> TaskResult:
    """Run one check, turning anything it raises into a recorded error: a broken
    analyzer, a parser out of memory on a pathological line (MemoryError), an
    ast-grep panic (a BaseException) must not hide the other checks' findings.

    A batch check that raises is run on each file alone, so that one hostile file
    costs only its own findings; the files it handles alone are then run together
    again, since some batch checks compare files."""
    result = TaskResult()
    failed = _attempt(check, targets, result)
    if failed is None:
        return result
    if not check.batch or len(targets) < 2:
        result.errors.append((_where(targets), failed))
        return result
    result.hits.clear()
    good: list[ChangedFile] = []
    alone = TaskResult()
    for file in targets:
        error = _attempt(check, [file], alone)
        if error is None:
            good.append(file)
        else:
            result.errors.append((file.path, error))
    if not result.errors:
        # Fails only on the files together (an analyzer out of stack on the lot):
        # each file's own results are the best there is.
        result.errors.append((_where(targets), f"{failed}; checked file by file instead"))
    elif len(good) > 1 and _attempt(check, good, result) is None:
        return result
    result.hits = [hit for hit in alone.hits if hit.path in {f.path for f in good}]
    return result


def _attempt(check: Check, targets: Sequence[ChangedFile], into: TaskResult) -> str | None:
    """Run the check into `into`; what it raised, described, or None."""
    try:
        if check.batch:
            into.hits.extend(check.check_files(targets))
        else:
            for file in targets:
                # A check's hits come lazily: past the limit it is not asked for more,
                # so a crafted file of many thousand matches costs a bounded time.
                for count, hit in enumerate(check.check_file(file), start=1):
                    into.hits.append(hit)
                    if count >= MAX_HITS_PER_CHECK_AND_FILE:
                        into.stopped.append(file.path)
                        break
    except BaseException as exc:  # hits reported before the failure still count
        _reraise_fatal(exc)
        log.warning("check %s failed on %s: %s", check.name, _where(targets), describe(exc))
        return describe(exc)
    return None


def _where(targets: Sequence[ChangedFile]) -> str:
    return ", ".join(f.path for f in targets[:5])


def collect(
    plan: RulePlan,
    results: Mapping[Task, TaskResult],
    unfinished: Sequence[UnfinishedUnit] = (),
) -> RuleRun:
    """Findings and errors from the tasks that finished, in the order the in-process
    run gives them (check by check, then file by file), whatever order they ran in."""
    done = sorted(results.items(), key=lambda pair: (pair[0].check, plan.order[pair[0].paths[0]]))
    hits: list[Hit] = []
    errors: list[RuleError] = []
    stopped: list[tuple[str, str]] = []
    for task, result in done:
        hits.extend(result.hits)
        name = plan.checks[task.check].name
        errors.extend(RuleError(rule=name, path=where, error=e) for where, e in result.errors)
        stopped.extend((name, path) for path in result.stopped)
    capped: dict[tuple[str, str], int] = {}
    findings = findings_of(plan, hits, capped)
    return RuleRun(
        findings=findings,
        errors=errors,
        unfinished=list(unfinished),
        capped=capped,
        stopped=stopped,
    )


# A file that draws hundreds of findings of one rule is generated or crafted: nobody
# reads that many comments, and every later stage (consolidation, anchoring, the
# summary) pays for each one, so past this many the rest are counted, not listed.
MAX_FINDINGS_PER_RULE_AND_FILE = 100
# Past this many hits in one file a per-file check stops reading it (the findings past
# the cap above are only counted anyway).
MAX_HITS_PER_CHECK_AND_FILE = 5 * MAX_FINDINGS_PER_RULE_AND_FILE


def _settle_opaque(
    hit: Hit,
    opaque: tuple[str, str, str],
    by_path: dict[str, ChangedFile],
    defined: dict[str, bool],
) -> Hit | None:
    """A flow's hit as it stands inline when the call it went through is a function
    another file of the change defines (its code is in the change after all); None when
    following that call (Python's cross-file walk) leaves no flow to this sink."""
    from bot.rules.taint.api import defined_in_change, go_package_flow, parse_flow_line
    from bot.rules.taint.cross import cleared_by_followed_call

    callee, title, detail = opaque
    name = callee.rsplit(".", 1)[-1]
    if name not in defined:  # one scan of the change per called name
        defined[name] = defined_in_change(name, by_path.values())
    if not defined[name]:
        return hit
    file = by_path.get(hit.path)
    flow_line = parse_flow_line(hit.detail)
    if (
        file is not None
        and file.language == "python"
        and flow_line is not None
        and cleared_by_followed_call(by_path.values(), hit.path, flow_line[1], hit.rule, callee)
    ):
        # Followed into the file that defines it, the call returns nothing the sink
        # must fear (a URL of the site's own route): no flow is left.
        return None
    if file is not None and file.language == "go" and flow_line is not None:
        # Go: the other changed files of the package, followed the same way.
        left = go_package_flow(by_path.values(), hit.path, flow_line[1], hit.rule)
        if left == "none":
            return None
        if left == "through":
            return hit  # still through code the change does not show
    if file is not None and file.language not in _FOLLOWED_ACROSS_FILES:
        # Its code is in the change but not followed here: what it returns (often a URL
        # or path built from configuration, the input only filling a parameter) is
        # unknown, so the claim stays in the summary, worded for what it is.
        note = _UNFOLLOWED_NOTE.format(callee=callee)
        return replace(hit, title=title, detail=join_detail(detail, note), opaque=None)
    if hit.restored_note is not None:
        detail = join_detail(detail, hit.restored_note)
        return replace(hit, title=title, detail=detail, opaque=None)
    return replace(hit, severity=None, title=title, detail=detail, opaque=None)


# Languages whose calls into another file of the change are followed (`bot.rules.taint.cross`,
# `go_package_flow`); in the others a call into such a file is read, not walked.
_FOLLOWED_ACROSS_FILES = frozenset({"python", "go"})
_UNFOLLOWED_NOTE = (
    "The value reaches the sink only through `{callee}()`, which another file of this change "
    "defines; what such a call returns is not followed across files in this language, so "
    "whether it returns request text unchanged is for a reader to check (summary only)."
)


def findings_of(
    plan: RulePlan, hits: Iterable[Hit], capped: dict[tuple[str, str], int] | None = None
) -> list[Finding]:
    """Hits -> findings: keep hits on lines the change added, apply the repo config
    and inline suppressions, one finding per rule, path and line.

    When two checks report one rule on one line (a pattern and a flow of a folded rule),
    the hit with its own title is kept (a flow names its source and sink), at the place
    of the first; between two with their own title, one under the rule's id beats one
    under an old id; otherwise the first. Past `MAX_FINDINGS_PER_RULE_AND_FILE` lines of
    one rule in one file, further lines are only counted, in `capped`."""
    config, wanted_ids, by_path = plan.config, plan.wanted_ids, plan.by_path
    capped = {} if capped is None else capped
    per_file: Counter[tuple[str, str]] = Counter()
    findings: list[Finding] = []
    seen: dict[tuple[str, str, int], int] = {}  # key -> its finding's index
    titled: set[tuple[str, str, int]] = set()  # keys whose finding has a hit's own title
    aliased: set[tuple[str, str, int]] = set()  # keys whose finding came under an old id
    reindented: dict[str, frozenset[int]] = {}
    reformatted: dict[str, Layout] = {}

    def layout_of(path: str) -> Layout:
        if path not in reformatted:
            reformatted[path] = layout_only(by_path[path])
        return reformatted[path]

    defined: dict[str, bool] = {}  # called name -> whether a file of the change defines it
    reg = plan.registry
    disabled = {reg.canonical(x) for x in config.disable}
    severity = {reg.canonical(k): v for k, v in config.severity.items()}
    for hit in hits:
        rule = plan.rules.get(reg.canonical(hit.rule))
        wording = reg.wording(hit.rule) or rule
        hit_file = by_path.get(hit.path)
        if rule is None or wording is None or hit_file is None:
            continue
        file = hit_file
        if hit.opaque is not None:
            settled = _settle_opaque(hit, hit.opaque, by_path, defined)
            if settled is None:
                continue
            hit = settled
        if wanted_ids is not None and rule.id not in wanted_ids:
            continue
        if rule.id in disabled:
            continue
        end = max(hit.end_line or hit.line, hit.line)
        touched = [n for n in range(hit.line, end + 1) if n in file.added_lines]
        if not touched and not (hit.file_level and not file.added_lines):
            continue  # the change did not touch these lines: not this review's business
        if rule.category is Category.SECURITY and _reviewed_elsewhere(file, hit.line):
            hit = replace(hit, severity=Severity.INFO, detail=join_detail(hit.detail, _REVIEWED))
        elif rule.category is Category.SECURITY and _marked_not_for_production(file, hit.line):
            hit = replace(
                hit,
                severity=Severity.INFO,
                detail=join_detail(hit.detail, _NOT_FOR_PRODUCTION_NOTE),
            )
        elif (
            rule.category is Category.SECURITY
            and hit.severity is not Severity.INFO
            and (symbol := test_build_symbol(file, hit.line)) is not None
        ):
            note = _TEST_BUILD_NOTE.format(symbol=symbol)
            hit = replace(hit, severity=Severity.INFO, detail=join_detail(hit.detail, note))
        elif (
            rule.category is Category.SECURITY
            and hit.severity is not Severity.INFO
            and is_example_or_tool_path(file.path)
        ):
            hit = replace(
                hit, severity=Severity.INFO, detail=join_detail(hit.detail, _EXAMPLE_NOTE)
            )
        elif (
            rule.id == _TIMEOUT_RULE
            and hit.severity is not Severity.INFO
            and command_line_only(file)
        ):
            hit = replace(hit, severity=Severity.INFO, detail=join_detail(hit.detail, _SCRIPT_NOTE))
        elif (
            rule.id in _LEGACY_CRYPTO_RULES
            and hit.severity is not Severity.INFO
            and (protocol := _legacy_protocol(file)) is not None
        ):
            note = _PROTOCOL_NOTE.format(protocol=protocol)
            hit = replace(hit, severity=Severity.INFO, detail=join_detail(hit.detail, note))
        old_code = False
        if touched and not hit.file_level and rule.category is Category.SECURITY:
            if hit.path not in reindented:
                reindented[hit.path] = file.reindented_lines()
            # The code was there before; a fresh inline comment on a re-indent is noise,
            # but the summary still says it, at `info`. Security only: for a schema or a
            # contract the indentation can be the change (a field moved out of a oneof).
            old_code = all(n in reindented[hit.path] for n in touched)
            if old_code:
                hit = replace(hit, detail=join_detail(hit.detail, _REINDENTED))
        if touched and not old_code:
            # A formatter pass (same syntax tree, or the same tokens and nesting), for the
            # file or for the hunks holding the hit: any rule, since the code is unchanged
            # whatever the rule reads. Computed only for files with a hit (or a flow's
            # caller), once per file.
            layout = layout_of(hit.path)
            if not _evidence_old(hit, file, by_path, layout_of):
                pass  # a flow from code the change wrote
            elif layout.whole:
                old_code = True
                hit = replace(hit, detail=join_detail(hit.detail, _REFORMATTED))
            elif not hit.file_level and all(n in layout.lines for n in touched):
                old_code = True
                hit = replace(hit, detail=join_detail(hit.detail, _REFORMATTED_HUNK))
        if suppressed(file, hit.line, rule.id, rule.aliases):
            continue
        key = (rule.id, hit.path, hit.line)
        at = seen.get(key)
        own_id = hit.rule == rule.id
        if at is not None and (
            hit.title is None or (key in titled and not (own_id and key in aliased))
        ):
            # The first stands unless it is a plain pattern and this one is not, or it came
            # from a check reporting an old id and this one from the check the rule is
            # named for (the schema-aware one, which sees the whole repository).
            continue
        if at is None:
            where = (rule.id, hit.path)
            if per_file[where] >= MAX_FINDINGS_PER_RULE_AND_FILE:
                capped[where] = capped.get(where, 0) + 1
                continue
            per_file[where] += 1
        if hit.title is not None:
            titled.add(key)
        if own_id:
            aliased.discard(key)
        else:
            aliased.add(key)
        finding = Finding(
            path=hit.path,
            line=hit.line,
            end_line=end,
            category=rule.category,
            severity=(
                Severity.INFO
                if old_code
                else severity.get(rule.id, hit.severity or wording.severity)
            ),
            rule=rule.id,
            title=hit.title or wording.title,
            body=_body(wording, hit),
            suggestion=hit.suggestion,
            source=Source.RULES,
            sources=[Source.RULES],
            cwe=wording.cwe[0] if wording.cwe else None,
            reported_as="" if hit.rule == rule.id else hit.rule,
        )
        if at is None:
            seen[key] = len(findings)
            findings.append(finding)
        else:
            findings[at] = finding
    return findings


def run_rules(
    files: Sequence[ChangedFile],
    config: RulesConfig | None = None,
    *,
    reg: Registry | None = None,
    only: Iterable[str] | None = None,
    extra_checks: Sequence[Check] = (),
) -> RuleRun:
    """Run every check over the files it wants, in this process; return findings
    on added lines. (`bot.isolation` runs the same units in a child process.)
    `extra_checks` run in this call only (a team's rules)."""
    plan = plan_rules(files, config, reg=reg, only=only, extra_checks=extra_checks)
    results: dict[Task, TaskResult] = {}
    for unit in plan.units:
        for task in unit.tasks:
            results[task] = run_task(plan.checks[task.check], plan.targets(task))
    return collect(plan, results)


def _reraise_fatal(exc: BaseException) -> None:
    """Only the user or the process manager stopping us ends a run. MemoryError is
    not among them: Python's parser raises it for a line nested a few thousand
    levels deep, which one hostile line in a PR can do."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc


def describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return (f"{type(exc).__name__}: {text}" if text else type(exc).__name__)[:300]


def run_case(rule_id: str, case: RuleCase) -> list[int]:
    """Lines a rule flags in one of its fixtures (the file treated as newly added)."""
    from bot.diff import added_file
    from bot.select import select_backend

    file = added_file(case.path, case.code)
    if case.base is not None:
        file = file.model_copy(update={"status": FileStatus.MODIFIED, "base_content": case.base})
    others = [added_file(path, code) for path, code in case.changed]
    kept, skipped = select_backend([file, *others])
    if not any(f.path == case.path for f in kept):
        reason = next(s.reason for s in skipped if s.path == case.path)
        raise AssertionError(f"fixture {case.path} is not selected as backend: {reason}")
    with ExitStack() as stack:
        if case.repo:
            # As the pipeline does: the schema of the whole repository, this file included.
            from bot.schema import build_schema
            from bot.schema.context import use

            texts = {**dict(case.repo), **dict(case.changed), case.path: case.code}
            stack.enter_context(use(build_schema(texts)))
        run = run_rules(kept, only=[rule_id])
    if run.errors:
        raise AssertionError(f"rule {rule_id} raised: {run.errors[0].error}")
    from bot.rules.migrations_refine import one_finding_per_problem

    wanted = registry().canonical(rule_id)
    found = one_finding_per_problem(run.findings)
    return sorted(f.line for f in found if f.rule == wanted and f.path == case.path)
