"""Recall and false alarms of the security findings on our hand-written labelled corpus.

Each file under `bench/corpus/security/<split>/<language>/` is reviewed on its own as a
newly added file, by the same pipeline `bastion review --no-llm` runs (`added_file` ->
`review_files` with the default config, no agent), and only security findings are kept.
Lines carry `vuln: CWE-<n>` or `safe: CWE-<n>` in the file's comment syntax
(`bench/corpus/security/README.md`):

  recall           = vuln lines covered by a security finding's [line, end_line] / vuln lines
  recall, same CWE = ... by a finding whose rule names the label's CWE (or a close relative,
                     `_RELATED`) / vuln lines
  false alarms     = safe lines covered by any security finding / safe lines
  unlabelled       = security findings that cover no labelled line (listed with --verbose)

The CLI runs the rule engine in a child under time budgets; here it runs in this process,
so a slow check is never cut short and the figures do not depend on machine load.

    .venv/bin/python bench/security_corpus.py [--split SPLIT|all] [--verbose]

SPLIT is one of dev, holdout, fresh1, fresh2, fresh3.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CORPUS = Path(__file__).resolve().parent / "corpus" / "security"
SPLITS = ("dev", "holdout", "fresh1", "fresh2", "fresh3", "fresh4", "fresh5")
EXTENSIONS = {".py", ".js", ".ts", ".java", ".kt", ".go", ".rb", ".php", ".cs", ".scala"}

# A label ends a line's comment: `# vuln: CWE-89`, `// safe: CWE-22`.
_LABEL = re.compile(r"(?:#|//)\s*(vuln|safe):\s*CWE-(\d+)\b")

# CWE ids that name the same weakness at another level of the hierarchy, or its usual
# sibling: a rule tagged with one of them has found what a label with another means.
_RELATED: tuple[frozenset[int], ...] = (
    frozenset({89, 564}),
    frozenset({78, 77, 88}),
    frozenset({94, 95, 1336}),
    frozenset({98, 829}),
    frozenset({22, 23, 36, 73}),
    frozenset({79, 80}),
    frozenset({113, 93, 644}),
    frozenset({117, 93}),
    frozenset({327, 328, 326, 916}),
    frozenset({329, 1204}),
    frozenset({330, 338}),
    frozenset({295, 297}),
    frozenset({347, 345}),
    frozenset({798, 259, 321}),
    frozenset({614, 1004, 1275}),
    frozenset({611, 776, 827}),
    frozenset({489, 215}),
    frozenset({732, 276}),
    frozenset({377, 379}),
    frozenset({760, 759}),
)

CLASS_NAMES = {
    89: "SQL injection",
    943: "NoSQL injection",
    78: "OS command injection",
    94: "code injection",
    95: "eval injection",
    98: "PHP file inclusion",
    22: "path traversal",
    918: "SSRF",
    601: "open redirect",
    90: "LDAP injection",
    643: "XPath injection",
    1336: "template injection",
    79: "XSS",
    113: "header injection",
    502: "unsafe deserialization",
    117: "log injection",
    327: "weak cipher / mode",
    328: "weak hash",
    329: "static IV / nonce",
    330: "insecure random",
    295: "TLS verification off",
    347: "JWT not verified",
    798: "hard-coded secret",
    614: "cookie without Secure",
    1004: "cookie without HttpOnly",
    352: "CSRF disabled",
    942: "CORS * with credentials",
    611: "XXE",
    489: "debug mode",
    209: "stack trace in response",
    732: "permissive file mode",
    377: "insecure temp file",
    915: "mass assignment",
    760: "static salt",
}


@dataclass(frozen=True)
class Label:
    line: int
    kind: str  # "vuln" or "safe"
    cwe: int


@dataclass(frozen=True)
class Hit:
    """A security finding reduced to what scoring needs."""

    line: int
    end_line: int
    rule: str
    cwes: frozenset[int]
    title: str = ""


@dataclass(frozen=True)
class Outcome:
    label: Label
    covered: bool  # some security finding covers the line
    same_cwe: bool  # ... and one of those names the label's weakness


@dataclass(frozen=True)
class CorpusFile:
    split: str
    language: str
    path: Path

    @property
    def name(self) -> str:
        """The path the file has in the simulated pull request."""
        return f"{self.language}/{self.path.name}"


@dataclass
class Tally:
    vuln: int = 0
    found: int = 0
    found_same: int = 0
    safe: int = 0
    flagged: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.label.kind == "vuln":
            self.vuln += 1
            self.found += outcome.covered
            self.found_same += outcome.same_cwe
        else:
            self.safe += 1
            self.flagged += outcome.covered


@dataclass
class Report:
    outcomes: list[tuple[CorpusFile, Outcome]] = field(default_factory=list)
    unlabelled: list[tuple[CorpusFile, Hit]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_labels(text: str) -> list[Label]:
    """Every label of a file, with its 1-based line number."""
    labels: list[Label] = []
    for number, line in enumerate(text.split("\n"), 1):
        for kind, cwe in _LABEL.findall(line):
            labels.append(Label(line=number, kind=kind, cwe=int(cwe)))
    return labels


def related(cwe: int) -> frozenset[int]:
    for group in _RELATED:
        if cwe in group:
            return group
    return frozenset({cwe})


def match(labels: Sequence[Label], hits: Sequence[Hit]) -> tuple[list[Outcome], list[Hit]]:
    """Score one file: each label against the findings covering its line, and the
    findings that cover no labelled line at all."""
    outcomes: list[Outcome] = []
    for label in labels:
        covering = [h for h in hits if h.line <= label.line <= h.end_line]
        wanted = related(label.cwe)
        outcomes.append(
            Outcome(
                label=label,
                covered=bool(covering),
                same_cwe=any(h.cwes & wanted for h in covering),
            )
        )
    labelled = {label.line for label in labels}
    unlabelled = [h for h in hits if not any(h.line <= line <= h.end_line for line in labelled)]
    return outcomes, unlabelled


def corpus_files(split: str, root: Path = CORPUS) -> list[CorpusFile]:
    splits = SPLITS if split == "all" else (split,)
    files: list[CorpusFile] = []
    for name in splits:
        for path in sorted((root / name).glob("*/*")):
            if path.suffix in EXTENSIONS:
                files.append(CorpusFile(split=name, language=path.parent.name, path=path))
    return files


def review(name: str, text: str) -> tuple[list[Hit], list[str]]:
    """Security findings on one file reviewed as a newly added file, as
    `bastion review --no-llm` reviews it; and the notes of checks that failed."""
    from bot.config import RepoConfig
    from bot.diff import added_file
    from bot.models import Category
    from bot.pipeline import review_files
    from bot.rules.engine import registry

    result = review_files([added_file(name, text)], RepoConfig())
    rules = registry().rules
    hits: list[Hit] = []
    for f in result.findings:
        if f.category is not Category.SECURITY:
            continue
        cwes = {f.cwe} if f.cwe else set()
        for rule_id in (f.rule, *(part.rule for part in f.also)):
            rule = rules.get(rule_id)
            if rule is not None:
                cwes.update(rule.cwe)
        hits.append(Hit(f.line, f.end_line, f.rule, frozenset(cwes), f.title))
    errors = [f"{e.rule}: {e.error}" for e in result.stats.rule_errors]
    return hits, errors


def run(files: Iterable[CorpusFile]) -> Report:
    report = Report()
    for file in files:
        text = file.path.read_text(encoding="utf-8")
        hits, errors = review(file.name, text)
        report.errors.extend(f"{file.split}/{file.name}: {e}" for e in errors)
        outcomes, unlabelled = match(parse_labels(text), hits)
        report.outcomes.extend((file, o) for o in outcomes)
        report.unlabelled.extend((file, h) for h in unlabelled)
    return report


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den} = {num / den:.2f}" if den else "n/a"


def _table(title: str, key_name: str, rows: dict[str, Tally], unlabelled: dict[str, int]) -> None:
    print(f"\n{title}\n")
    print(f"| {key_name} | recall | recall, same CWE | false alarms | unlabelled findings |")
    print("|---|---|---|---|---|")
    for key, t in rows.items():
        print(
            f"| {key} | {_ratio(t.found, t.vuln)} | {_ratio(t.found_same, t.vuln)} "
            f"| {_ratio(t.flagged, t.safe)} | {unlabelled.get(key, 0)} |"
        )


def print_report(report: Report, verbose: bool) -> None:
    total = Tally()
    by_language: dict[str, Tally] = defaultdict(Tally)
    by_split: dict[str, Tally] = defaultdict(Tally)
    by_language_split: dict[str, Tally] = defaultdict(Tally)
    by_class: dict[str, Tally] = defaultdict(Tally)
    for file, outcome in report.outcomes:
        cwe = outcome.label.cwe
        klass = f"CWE-{cwe} {CLASS_NAMES.get(cwe, '')}".strip()
        for tally in (
            total,
            by_language[file.language],
            by_split[file.split],
            by_language_split[f"{file.language} / {file.split}"],
            by_class[klass],
        ):
            tally.add(outcome)
    un_language: dict[str, int] = defaultdict(int)
    un_split: dict[str, int] = defaultdict(int)
    un_language_split: dict[str, int] = defaultdict(int)
    for file, _ in report.unlabelled:
        un_language[file.language] += 1
        un_split[file.split] += 1
        un_language_split[f"{file.language} / {file.split}"] += 1

    _table("Overall", "corpus", {"all": total}, {"all": len(report.unlabelled)})
    _table("Per split", "split", dict(sorted(by_split.items())), un_split)
    _table("Per language", "language", dict(sorted(by_language.items())), un_language)
    _table(
        "Per language and split",
        "language / split",
        dict(sorted(by_language_split.items())),
        un_language_split,
    )
    classes = dict(sorted(by_class.items(), key=lambda kv: (-kv[1].vuln - kv[1].safe, kv[0])))
    _table("Per weakness class (label CWE)", "class", classes, {})
    print(
        f"\nlabelled lines: {total.vuln} vuln, {total.safe} safe; "
        f"security findings on unlabelled lines: {len(report.unlabelled)}"
    )
    if report.errors:
        print(f"checks that failed: {len(report.errors)}")
        for error in report.errors[:20]:
            print(f"  {error}")
    if not verbose:
        return
    print("\nMissed vulnerable lines:")
    for file, o in report.outcomes:
        if o.label.kind == "vuln" and not o.covered:
            print(f"  {file.split}/{file.name}:{o.label.line} CWE-{o.label.cwe}")
    print("\nFound with another CWE:")
    for file, o in report.outcomes:
        if o.label.kind == "vuln" and o.covered and not o.same_cwe:
            print(f"  {file.split}/{file.name}:{o.label.line} CWE-{o.label.cwe}")
    print("\nFalse alarms on safe lines:")
    for file, o in report.outcomes:
        if o.label.kind == "safe" and o.covered:
            print(f"  {file.split}/{file.name}:{o.label.line} CWE-{o.label.cwe}")
    print("\nUnlabelled security findings:")
    for file, hit in report.unlabelled:
        cwes = ",".join(str(c) for c in sorted(hit.cwes))
        span = f"{hit.line}-{hit.end_line}" if hit.end_line != hit.line else str(hit.line)
        print(f"  {file.split}/{file.name}:{span} {hit.rule} (CWE {cwes}) {hit.title}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument(
        "--verbose", action="store_true", help="list misses, false alarms, unlabelled findings"
    )
    args = parser.parse_args(argv)
    files = corpus_files(args.split)
    start = time.perf_counter()
    report = run(files)
    elapsed = time.perf_counter() - start
    print(f"split: {args.split}; files: {len(files)}; review time: {elapsed:.1f} s")
    print_report(report, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
