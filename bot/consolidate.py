"""One problem, one comment. Pure functions.

Every finding gets a problem key: its problem class (a family of rule ids that
mean the same thing, or a CWE), its file and its code region (the enclosing
function for code, the statement for SQL, else the flagged line). An injection
found by the flow engine has its flow as region: source lines down to the sink,
named by the sink, so two injections in one function stay two problems, and a
report without a flow (the AI review, an older rule) that points at a flow's sink,
or lies inside the flow, joins it. Reports with
the same key — two rules, or a rule and the AI review — become one finding,
anchored on the most actionable line, with every other report kept in `also`.
Reports with different keys are never fused, even on the same line.

The fingerprint that dedupes across pushes is a digest of the problem key, so
it does not depend on which engine found the problem or on line numbers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from bot import lazyre as re
from bot.anchor import anchor_all, fingerprints, normalized_text, with_fingerprints
from bot.models import ChangedFile, FileKind, Finding, FindingPart, Severity, Source
from bot.rules.taint.api import parse_flow_line


@dataclass(frozen=True)
class ProblemClass:
    name: str
    cwes: frozenset[int]
    rules: re.Pattern[str]
    # Words an AI finding's title uses for this problem, when it cites neither a
    # rule nor a CWE. Narrow on purpose: a miss leaves two comments, a false
    # match would fuse two problems.
    words: re.Pattern[str] | None = None
    # The data flows down to a sink: the comment belongs on the last line.
    flow: bool = False
    # Each flagged line is its own problem (one column, one index to add): two
    # foreign keys of one model are two fixes, not one.
    per_line: bool = False
    # Flow classes whose sink this problem is a consequence of: a report of this class
    # on such a flow's sink line joins that flow's problem.
    within: tuple[str, ...] = ()


def _c(
    name: str,
    cwes: Iterable[int],
    rules: str,
    words: str | None = None,
    *,
    flow: bool = False,
    per_line: bool = False,
    within: tuple[str, ...] = (),
) -> ProblemClass:
    return ProblemClass(
        name,
        frozenset(cwes),
        re.compile(rf"^(?:{rules})$"),
        re.compile(words, re.IGNORECASE) if words else None,
        flow,
        per_line,
        within,
    )


# First match wins, so the narrower classes come first.
CLASSES: tuple[ProblemClass, ...] = (
    _c(
        "sql-injection",
        (89, 564),
        r"(?:\w+-)?sql-injection",
        r"(?<!no)sql.?injection|\bsqli\b|sql (?:built|formatted|concatenated) (?:from|with)",
        flow=True,
    ),
    _c(
        "command-injection",
        (77, 78),
        r"(?:\w+-)?command-injection|py-shell-injection",
        r"(?:command|shell).?injection",
        flow=True,
    ),
    _c(
        "code-injection",
        (94, 95),
        r"(?:\w+-)?(?:eval|code)-injection|py-eval-exec",
        r"code.?injection|\beval\(",
        flow=True,
    ),
    _c("ssrf", (918,), r"(?:\w+-)?ssrf", r"\bssrf\b|server.side request forgery", flow=True),
    _c("nosql-injection", (943,), r"(?:\w+-)?nosql-injection", r"nosql.?injection", flow=True),
    _c("ldap-injection", (90,), r"(?:\w+-)?ldap-injection", r"ldap.?injection", flow=True),
    _c("xpath-injection", (643,), r"(?:\w+-)?xpath-injection", r"xpath.?injection", flow=True),
    _c(
        "template-injection",
        (1336,),
        r"(?:\w+-)?template-injection",
        r"template.?injection|\bssti\b",
        flow=True,
    ),
    _c(
        "header-injection",
        (93, 113),
        r"(?:\w+-)?header-injection",
        r"header.?injection|response splitting",
        flow=True,
    ),
    _c(
        "log-injection", (117,), r"(?:\w+-)?log-injection", r"log.?injection|log forging", flow=True
    ),
    _c("open-redirect", (601,), r"(?:\w+-)?open-redirect", r"open.?redirect", flow=True),
    # A page rendered from a template the input wrote (ERB.new(params[...]).result.html_safe)
    # is one problem, the injection: the XSS rule firing on the same line is its symptom.
    _c(
        "xss",
        (79, 80),
        r"reflected-xss|jinja-autoescape-disabled",
        r"\bxss\b|cross.site script",
        within=("template-injection",),
    ),
    _c(
        "path-traversal",
        (22, 23, 73),
        r"(?:\w+-)?path-traversal|py-tar-extractall",
        r"path traversal|directory traversal|zip.?slip",
        flow=True,
    ),
    _c(
        "unsafe-deserialization",
        (502,),
        r"unsafe-deserialization|py-pickle-untrusted|py-yaml-unsafe-load|jackson-default-typing",
        r"deseriali[sz]",
    ),
    _c("xxe", (611,), r"(?:csharp-)?xxe", r"\bxxe\b|external entit"),
    _c(
        "tls-verification",
        (295,),
        r"tls-verification-disabled|py-tls-verify-disabled|py-ssh-auto-add-host-key"
        r"|(?:csharp|scala)-tls-validation-disabled",
        r"(?:certificate|tls|ssl).{0,20}verif",
    ),
    _c(
        "jwt-verification",
        (347,),
        r"(?:py-)?jwt-verification-disabled|csharp-jwt-validation-disabled",
        r"jwt.{0,40}(?:signature|verif)",
    ),
    _c(
        "weak-crypto",
        (327, 328, 759, 916),
        r"password-fast-hash|py-weak-hash|weak-hash|weak-cipher|(?:csharp|scala)-weak-crypto",
        r"\bmd5\b|\bsha-?1\b|weak (?:hash|cipher)|fast hash",
    ),
    _c(
        "insecure-random",
        (330, 331, 338),
        r"(?:\w+-)?insecure-random",
        r"predictable random|insecure random|\bMath\.random\b",
    ),
    _c(
        "insecure-cookie",
        (614, 1004),
        r"(?:csharp-)?cookie-insecure|insecure-cookie",
        r"cookie.{0,40}(?:without|missing|no) .{0,10}(?:secure|httponly)",
    ),
    _c(
        "trust-boundary",
        (501,),
        r"trust-boundary(?:-violation)?",
        r"trust boundary",
        flow=True,
    ),
    _c("cors", (346, 942), r"(?:\w+-)?cors-any-origin-with-credentials", r"\bcors\b"),
    # Named as the rule is, so fingerprints of findings posted before the class existed hold.
    _c("csrf-disabled", (352,), r"(?:play-)?csrf-disabled"),
    _c("mass-assignment", (915,), r"(?:py-)?mass-assignment", r"mass.assignment"),
    _c(
        "hard-coded-secret",
        (259, 321, 798),
        r"secret-literal|csharp-connection-string-password|hardcoded-credentials",
        r"hard.?coded (?:secret|password|key|credential|token)",
    ),
    _c(
        "debug-enabled",
        (215, 489),
        r"django-debug-true|py-flask-debug|aspnet-developer-exception-page|debug-errors-shown",
        r"debug mode",
    ),
    _c(
        "missing-auth",
        (285, 306, 862),
        r"route-missing-auth-guard",
        r"missing auth|without (?:any )?auth|unauthenticated",
    ),
    _c(
        "missing-timeout",
        (400, 1088),
        r"http-request-no-timeout|go-http-no-timeout|http-client-no-timeout|py-request-no-timeout",
        r"\btimeout\b",
    ),
    _c(
        "blocking-index-build",
        (),
        r"index-build-blocking|\w+-create-index-blocking|(?:django|rails)-add-index-blocking"
        r"|laravel-index-blocking"
        r"|js-migration-index-blocking|pg-reindex-blocking",
        r"concurrently",
    ),
    _c(
        "blocking-index-drop",
        (),
        r"(?:migration|pg)-drop-index-blocking",
    ),
    _c(
        "concurrent-index-in-transaction",
        (),
        r"(?:pg-)?concurrent-index-in-transaction",
    ),
    # Named as the surviving rule, so fingerprints of its findings posted before hold.
    _c(
        "migration-constraint-validating",
        (),
        r"migration-constraint-validating|pg-add-foreign-key-locking|pg-constraint-not-valid",
    ),
    _c(
        "not-null-backfill",
        (),
        r"migration-not-null-column|pg-add-required-column|pg-set-not-null-scan",
    ),
    _c(
        "column-rewrite",
        (),
        r"migration-column-type-change|pg-change-column-type|migration-column-rewrite"
        r"|pg-add-column-rewrite",
    ),
    _c(
        "drop-or-rename",
        (),
        r"migration-drop-or-rename|pg-drop-column|pg-rename-column|pg-rename-table|pg-drop-table",
    ),
    _c(
        "n-plus-one",
        (1073,),
        r"n-plus-one-query",
        r"\bn ?\+ ?1\b|quer(?:y|ies) (?:in|inside) a loop",
    ),
    # Named after the id the class had before `fk-without-index` was folded into
    # foreign-key-not-indexed: the name is part of every posted fingerprint.
    _c(
        "fk-without-index",
        (),
        r"foreign-key-not-indexed|fk-without-index",
        r"foreign.key.{0,40}(?:no|without|missing).{0,10}index",
        per_line=True,
    ),
    _c(
        "unindexed-filter",
        (),
        r"query-on-unindexed-column|filter-on-unindexed-column",
        per_line=True,
    ),
    # An index made redundant by another, seen in one file (the old id
    # index-too-wide-or-duplicate) or in the whole schema; named as the rule was.
    _c("redundant-index", (), r"redundant-index|index-too-wide-or-duplicate"),
    # An OpenAPI or protobuf break, by the old ids those checks still report under: a
    # GraphQL or route break (the same rule, api-breaking-change) never had a class, and
    # joining one would fuse it with reports it was kept apart from.
    _c("breaking-contract", (), r"openapi-breaking-change|proto-breaking-change", r"breaking"),
)

_BY_NAME = {c.name: c for c in CLASSES}
_JOINS_OTHERS = [c for c in CLASSES if c.within]

# A line that opens a function, method, class or route handler, in the languages
# the rules read. The region of a code finding is the nearest one above it.
_DEFINITION = re.compile(
    r"^\s*(?:@?\w+\.(?:get|post|put|patch|delete|route)\(|(?:export\s+)?(?:default\s+)?"
    r"(?:async\s+)?(?:def|class|function|func|fn)\b|(?:pub(?:\(\w+\))?\s+)?fn\b|"
    r"(?:(?:public|private|protected|internal|static|final|override|suspend)\s+)+[\w<>\[\],.? ]+\(|"
    r"(?:const|let|var)\s+\w+\s*=\s*(?:async\s*)?(?:function\b|\([^)]*\)\s*=>))"
)
_SCAN = 400
_SPACE = re.compile(r"\s+")


def problem_class(finding: Finding) -> ProblemClass | None:
    """The class a finding belongs to: by rule id (the old id a check reported it under
    first, then its own, or the one an AI finding cites), then by CWE, then (AI findings
    only) by the words of its title."""
    ids = [finding.rule] if finding.source is Source.RULES else []
    if finding.source is Source.RULES and finding.reported_as:
        # A rule folded from several ids keeps each check's class (api-breaking-change:
        # an OpenAPI break is `breaking-contract`, a GraphQL one has none).
        ids.insert(0, finding.reported_as)
    if finding.cites:
        ids.append(finding.cites)
    for rule in ids:
        for cls in CLASSES:
            if cls.rules.match(rule):
                return cls
    flow = parse_flow_line(finding.body)
    for cwe in (finding.cwe, flow[0] if flow else None):
        if cwe is None:
            continue
        for cls in CLASSES:
            if cwe in cls.cwes:
                return cls
    if finding.source is Source.LLM:
        for cls in CLASSES:
            if cls.words is not None and cls.words.search(finding.title):
                return cls
    return None


def class_name(finding: Finding) -> str:
    cls = problem_class(finding)
    if cls is not None:
        return cls.name
    if finding.source is Source.RULES:
        return finding.rule
    if finding.cites:
        return finding.cites
    return f"llm-{finding.category.value}"


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _enclosing_definition(file: ChangedFile, line: int) -> str | None:
    here = file.line_text(line)
    if here is None:
        return None
    if _DEFINITION.match(here):
        return _SPACE.sub(" ", here).strip()
    level = _indent(here) if here.strip() else None
    for number in range(line - 1, max(line - _SCAN, 0), -1):
        text = file.line_text(number)
        if not text or not text.strip():
            continue
        if level is None:
            level = _indent(text) + 1
        if _indent(text) < level and _DEFINITION.match(text):
            return _SPACE.sub(" ", text).strip()
    return None


def _enclosing_statement(file: ChangedFile, line: int) -> str | None:
    """First line of the SQL statement around `line` (statements end with `;`)."""
    start = line
    for number in range(line - 1, max(line - _SCAN, 0), -1):
        text = file.line_text(number)
        if text is None or text.rstrip().endswith(";"):
            break
        if text.strip() and not text.lstrip().startswith("--"):
            start = number
    text = file.line_text(start)
    return _SPACE.sub(" ", text).strip() if text and text.strip() else None


def region(finding: Finding, file: ChangedFile | None, cls: ProblemClass | None) -> str:
    """Where in the file the problem lives, as text that survives unrelated lines moving."""
    line_text = normalized_text(file, finding.line, finding.line) or finding.title.lower()
    if file is None or (cls is None and finding.source is Source.LLM and not finding.cites):
        # An AI finding of no known class is told apart from others by its line only.
        return f"line:{line_text}"
    if cls is not None and cls.per_line:
        # The same column line in two models is two tables.
        around = _enclosing_definition(file, finding.line) or ""
        return f"line:{around}|{line_text}"
    if file.language == "sql" or file.kind is FileKind.SQL:
        statement = _enclosing_statement(file, finding.line)
        return f"stmt:{statement}" if statement else f"line:{line_text}"
    if file.kind in (FileKind.CODE, FileKind.ORM_SCHEMA):
        definition = _enclosing_definition(file, finding.line)
        return f"def:{definition}" if definition else f"line:{line_text}"
    return f"line:{line_text}"


@dataclass(frozen=True)
class FlowRegion:
    """The lines of one flow (first source to sink) and the region text naming it."""

    path: str
    cls: str
    first: int
    sink: int
    region: str

    def holds_sink(self, finding: Finding) -> bool:
        return finding.line <= self.sink <= finding.end_line

    def holds(self, finding: Finding) -> bool:
        return self.first <= finding.line and finding.end_line <= self.sink


def flow_region(finding: Finding, file: ChangedFile | None) -> FlowRegion | None:
    """The flow a finding reports, from its `Flow:` line; None for findings without
    one, or whose class does not follow data to a sink."""
    flow = parse_flow_line(finding.body)
    cls = problem_class(finding)
    if flow is None or cls is None or not cls.flow:
        return None
    _, sink, sources = flow
    first = min((*sources, sink))
    # Named by the sink's text and the function around it, not by line numbers, so
    # the key holds when unrelated lines move; the sources do not name it, because
    # two inputs reaching one query are one fix.
    sink_text = normalized_text(file, sink, sink) if file is not None else None
    definition = _enclosing_definition(file, sink) if file is not None else None
    name = f"flow:{definition or ''}|{sink_text or sink}"
    return FlowRegion(finding.path, cls.name, first, sink, name)


def _joined_flow(
    finding: Finding, cls: ProblemClass | None, flows: Sequence[FlowRegion]
) -> FlowRegion | None:
    """The flow a report without its own flow line is about: one whose sink it spans,
    else the narrowest one it lies inside."""
    if cls is None or not cls.flow:
        return None
    mine = [f for f in flows if f.path == finding.path and f.cls == cls.name]
    at_sink = [f for f in mine if f.holds_sink(finding)]
    if at_sink:
        # Spanning several sinks: the one nearest where the report ends.
        return min(at_sink, key=lambda f: (finding.end_line - f.sink, f.first))
    inside = [f for f in mine if f.holds(finding)]
    return min(inside, key=lambda f: (f.sink - f.first, f.sink), default=None)


def problem_key(
    finding: Finding, file: ChangedFile | None, flows: Sequence[FlowRegion] = ()
) -> str:
    """`flows`: the flows other reports in the same review found, for a report
    without a flow line to join."""
    cls = problem_class(finding)
    name = cls.name if cls is not None else class_name(finding)
    own = flow_region(finding, file)
    place = own or _joined_flow(finding, cls, flows)
    if place is None and (outer := _outer_flow(finding, cls, flows)) is not None:
        return "\x1f".join((finding.category.value, outer.cls, finding.path, outer.region))
    where = place.region if place is not None else region(finding, file, cls)
    return "\x1f".join((finding.category.value, name, finding.path, where))


def _outer_flow(
    finding: Finding, cls: ProblemClass | None, flows: Sequence[FlowRegion]
) -> FlowRegion | None:
    """The flow of another class this report is a consequence of (`ProblemClass.within`):
    the report sits on that flow's sink, or its own flow starts from there (the page
    rendered from the injected template's output a line later)."""
    if cls is None or not cls.within:
        return None
    flow = parse_flow_line(finding.body)
    sources = set(flow[2]) if flow is not None else set()
    outer = [
        f
        for f in flows
        if f.path == finding.path
        and f.cls in cls.within
        and (f.holds_sink(finding) or f.sink in sources)
    ]
    return min(outer, key=lambda f: (abs(finding.end_line - f.sink), f.first), default=None)


def problem_fingerprint(key: str) -> str:
    return hashlib.sha256(f"problem\x1e{key}".encode()).hexdigest()[:20]


# ---------------------------------------------------------------- merging


def _primary(group: Sequence[Finding]) -> Finding:
    """The report the comment is anchored on: a line on the diff first; for a flow,
    the report that traced it, then the sink (the last line); otherwise the rule's
    report (it carries the fix), the worst, the earliest."""
    flow = any(cls.flow for f in group if (cls := problem_class(f)) is not None)

    def rank(f: Finding) -> tuple[int, ...]:
        by_line = -f.end_line if flow else f.line
        # A report that traced the flow sits on the sink itself.
        traced = flow and parse_flow_line(f.body) is not None
        # A report that joined another class's flow (`within`) is that problem's symptom.
        cls = problem_class(f)
        symptom = flow and (cls is None or not cls.flow)
        return (
            not f.inline,
            symptom,
            not traced,
            by_line,
            f.source is not Source.RULES,
            -f.severity.rank,
            f.line,
        )

    return min(group, key=rank)


def _part(finding: Finding) -> FindingPart:
    return FindingPart(
        rule=finding.rule,
        title=finding.title,
        source=finding.source,
        line=finding.line,
        end_line=finding.end_line,
        severity=finding.severity,
        body=finding.body,
    )


def _same(a: Finding, b: Finding) -> bool:
    return (a.rule, a.title, a.body, a.line, a.end_line, a.source) == (
        b.rule,
        b.title,
        b.body,
        b.line,
        b.end_line,
        b.source,
    )


def merge_group(group: Sequence[Finding]) -> Finding:
    """One finding for one problem; every other report kept in `also`."""
    primary = _primary(group)
    others: list[Finding] = []
    for finding in group:
        if finding is primary or any(_same(finding, o) for o in [primary, *others]):
            continue
        others.append(finding)
    if not others:
        return primary
    members = [primary, *others]
    suggestion = primary.suggestion or next(
        (
            f.suggestion
            for f in others
            if f.suggestion and (f.line, f.end_line) == (primary.line, primary.end_line)
        ),
        None,
    )
    confidences = [f.confidence for f in members if f.confidence is not None]
    dismissed = primary.dismissed if all(f.dismissed for f in members) else None
    legacy = list(dict.fromkeys(fp for f in members for fp in f.legacy_fingerprints))
    return primary.model_copy(
        update={
            "severity": max((f.severity for f in members), key=lambda s: s.rank),
            "suggestion": suggestion,
            "sources": sorted({s for f in members for s in (f.sources or [f.source])}),
            "confidence": max(confidences) if confidences else None,
            "dismissed": dismissed,
            "cwe": primary.cwe or next((f.cwe for f in others if f.cwe), None),
            "also": [
                *primary.also,
                *(_part(f) for f in others),
                *(p for f in others for p in f.also),
            ],
            "legacy_fingerprints": legacy,
        }
    )


def consolidate(findings: Iterable[Finding], files: Mapping[str, ChangedFile]) -> list[Finding]:
    """Group findings by problem key, one finding per group, in first-seen order."""
    findings = list(findings)
    flows = [fr for f in findings if (fr := flow_region(f, files.get(f.path))) is not None]
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        key = problem_key(finding, files.get(finding.path), flows)
        groups.setdefault(key, []).append(finding)
    out: list[Finding] = []
    for key, group in groups.items():
        merged = merge_group(group)
        other_names = _other_identities(group, files, key)
        out.append(
            merged.model_copy(
                update={
                    "problem": key,
                    "fingerprint": problem_fingerprint(key),
                    "legacy_fingerprints": list(
                        dict.fromkeys([*merged.legacy_fingerprints, *other_names])
                    ),
                }
            )
        )
    return out


def _other_identities(
    group: Sequence[Finding], files: Mapping[str, ChangedFile], key: str
) -> list[str]:
    """An injection problem is named by its flow when a report traced one, and by the
    function around it when none did (the agent alone, or the rule switched off since).
    Which of the two a review sees depends on who reported it, so each carries the
    other as an alternative fingerprint: a problem posted under one name is not posted
    again under the other, and its thread is not taken for fixed."""
    out: list[str] = []
    for finding in group:
        out.extend(_old_id_identities(finding, key))
        alone = problem_key(finding, files.get(finding.path))
        if alone != key and problem_class(finding) in _JOINS_OTHERS:
            # Posted on its own before it joined another class's flow.
            out.append(problem_fingerprint(alone))
        cls = problem_class(finding)
        file = files.get(finding.path)
        if cls is None or not cls.flow or file is None:
            continue
        head = "\x1f".join((finding.category.value, cls.name, finding.path))
        for where in (_sink_region(finding, file), region(finding, file, cls)):
            alt = f"{head}\x1f{where}"
            if alt != key:
                out.append(problem_fingerprint(alt))
    return out


def _old_id_identities(finding: Finding, key: str) -> list[str]:
    """A report a check made under an old id of its rule had that id's class name in
    its key before the ids were folded: those fingerprints too, so a problem posted then
    is not posted again."""
    if not finding.reported_as:
        return []
    category, name, rest = key.split("\x1f", 2)
    # The old id's class as it stands, or the id itself when its class is new with the fold.
    old_names = {class_name(finding.model_copy(update={"rule": finding.reported_as}))}
    old_names.add(finding.reported_as)
    return [
        problem_fingerprint("\x1f".join((category, old, rest)))
        for old in sorted(old_names - {name})
    ]


def _sink_region(finding: Finding, file: ChangedFile) -> str:
    """The name a flow ending on this report's last line would have."""
    flow = parse_flow_line(finding.body)
    sink = flow[1] if flow is not None else finding.end_line
    sink_text = normalized_text(file, sink, sink)
    definition = _enclosing_definition(file, sink)
    return f"flow:{definition or ''}|{sink_text or sink}"


def with_legacy_fingerprints(
    findings: Iterable[Finding], files: Mapping[str, ChangedFile]
) -> list[Finding]:
    """Each report with the fingerprint it had before problem keys, so a PR reviewed
    by an older Bastion does not get its comments posted again; and, for a rule renamed
    since, the one it had under each old id (that fingerprint holds the rule id)."""
    fingerprinted = with_fingerprints(findings, files)
    renamed = [(i, old) for i, f in enumerate(fingerprinted) for old in _old_ids(f)]
    as_old = fingerprints(
        [fingerprinted[i].model_copy(update={"rule": old}) for i, old in renamed], files
    )
    extra: dict[int, list[str]] = {}
    for (index, _), digest in zip(renamed, as_old, strict=True):
        extra.setdefault(index, []).append(digest)
    return [
        f.model_copy(
            update={
                "legacy_fingerprints": [*f.legacy_fingerprints, f.fingerprint, *extra.get(i, [])]
            }
        )
        for i, f in enumerate(fingerprinted)
    ]


def _old_ids(finding: Finding) -> list[str]:
    """The ids a rule's report had before the rule was renamed or folded: the one its
    check still reports under, else every old id of the rule."""
    if finding.source is not Source.RULES:
        return []
    if finding.reported_as:
        return [finding.reported_as]
    from bot.rules.loader import builtin_catalog

    spec = builtin_catalog().rules.get(finding.rule)
    return list(spec.aliases) if spec is not None else []


def consolidate_findings(
    rule_findings: Sequence[Finding],
    llm_findings: Sequence[Finding],
    files: Mapping[str, ChangedFile],
) -> list[Finding]:
    """The pipeline's merge step: anchor every report, then one finding per problem."""
    anchored = anchor_all([*rule_findings, *llm_findings], files)
    return consolidate(with_legacy_fingerprints(anchored, files), files)


# The sink a flow's comment names: "... reaches `axios.post` (line 1686)".
_SINK_NAME = re.compile(r"\breaches `([^`\n]{1,200})` \(line \d+\)")
_FLOW_FROM = re.compile(r"^Flow from: (.{1,300})\.$", re.M)


def _repeat_key(finding: Finding) -> tuple[str, ...] | None:
    """What makes two flows of one file the same problem written twice: the same input
    (its source lines here, and the file it enters by) reaching the same call."""
    if finding.severity is Severity.INFO or not finding.inline:
        return None
    cls = problem_class(finding)
    flow = parse_flow_line(finding.body)
    sink = _SINK_NAME.search(finding.title)
    if cls is None or not cls.flow or flow is None or sink is None:
        return None
    entry = _FLOW_FROM.search(finding.body)
    sources = ",".join(str(n) for n in sorted(set(flow[2])))
    return (finding.path, cls.name, sources, entry.group(1) if entry else "", sink.group(1))


def fold_repeated_flows(findings: Sequence[Finding]) -> list[Finding]:
    """One input that reaches the same call in several places of one file (a base URL
    the user sets, posted to by each provider's branch) is one fix where the input
    enters: the first place gets the comment, which names the others, and each other
    place is a summary line pointing to it. Flows from other inputs, or to other calls,
    stay problems of their own."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for n, finding in enumerate(findings):
        key = _repeat_key(finding)
        if key is not None:
            groups.setdefault(key, []).append(n)
    out = list(findings)
    for (_, _, _, _, sink), members in groups.items():
        if len(members) < 2:
            continue
        members.sort(key=lambda n: (findings[n].line, n))
        first, rest = members[0], members[1:]
        lines = [findings[n].line for n in rest]
        where = ", ".join(str(x) for x in lines[:-1]) + (" and " if len(lines) > 1 else "")
        where += str(lines[-1])
        kept = findings[first]
        note = (
            f"The same input reaches `{sink}` again on line{'s' if len(lines) > 1 else ''} "
            f"{where} of this file: one check where it enters covers every place."
        )
        out[first] = kept.model_copy(update={"body": f"{kept.body}\n\n{note}"})
        for n in rest:
            out[n] = findings[n].model_copy(
                update={
                    "severity": Severity.INFO,
                    "body": f"{findings[n].body}\n\nThe same input reaches `{sink}` on line "
                    f"{kept.line}, where the comment is.",
                }
            )
    return out


def already_posted(finding: Finding, posted: AbstractSet[str]) -> bool:
    """On the PR already, under its problem fingerprint or a pre-problem-key one."""
    return finding.fingerprint in posted or any(fp in posted for fp in finding.legacy_fingerprints)
