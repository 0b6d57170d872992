"""Rule-engine noise on real projects: findings per 1,000 lines, by rule.

Each project's published source (PyPI sdists, npm tarballs) is reviewed as if
every file in it were newly added in one pull request. Mature, widely used code
is mostly fine, so what the rules report there is mostly noise; the number to
watch is findings per 1,000 reviewed lines at medium severity and above.

    .venv/bin/python bench/noise_bench.py [--samples bench/out/noise_findings.tsv]

Archives are fetched once into `bench/out/noise/` (pinned versions, `pip download`
and `npm pack`), then read straight from the tarballs: nothing is extracted and
no third-party code is ever written into the repository.

Paths are relative to the project root, so file selection behaves as in a real
repository (`docs/` skipped, migrations recognised). Test files are reviewed
(pull requests touch tests too) and also reported apart: the "without tests"
figures leave out every file under a `tests`/`test`/`testing` directory and
`test_*.py`, `*_test.py`, `conftest.py`, `*.test.js`, `*.spec.js`.

npm packages publish their server code without an `express` import in every
file (the library *is* express), so their `.js`/`.ts` files are reviewed with
`paths.include` forcing them in, as a repository of such code would configure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import PathsConfig, RepoConfig  # noqa: E402
from bot.diff import added_file  # noqa: E402
from bot.models import Finding, Severity  # noqa: E402
from bot.pipeline import review_files  # noqa: E402

OUT = ROOT / "bench" / "out" / "noise"
BATCH = 200
MAX_FILE_BYTES = 1_000_000

# (project, registry, version): pinned so that a re-run reviews the same bytes.
PROJECTS: tuple[tuple[str, str, str], ...] = (
    ("django", "pypi", "5.2.19"),
    ("flask", "pypi", "3.1.3"),
    ("sqlalchemy", "pypi", "2.1.9"),
    ("djangorestframework", "pypi", "3.18.3"),
    ("express", "npm", "5.3.0"),
    ("knex", "npm", "3.3.0"),
    ("fastify", "npm", "5.12.8"),
    ("sequelize", "npm", "6.37.8"),
)
JS_INCLUDE = ["**/*.js", "**/*.cjs", "**/*.mjs", "**/*.ts"]
TEST_DIRS = {"tests", "test", "testing", "__tests__", "spec"}


@dataclass
class Tally:
    files: int = 0
    lines: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.files += other.files
        self.lines += other.lines
        self.by_rule.update(other.by_rule)

    def total(self, rules: set[str] | None = None) -> int:
        return sum(n for r, n in self.by_rule.items() if rules is None or r in rules)


@dataclass
class ProjectResult:
    name: str
    version: str
    all_files: Tally = field(default_factory=Tally)
    no_tests: Tally = field(default_factory=Tally)
    findings: list[tuple[Finding, str]] = field(default_factory=list)
    severities: dict[str, Severity] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def is_test_path(path: str) -> bool:
    p = PurePosixPath(path)
    if {part.lower() for part in p.parts[:-1]} & TEST_DIRS:
        return True
    name = p.name
    return (
        name.startswith("test_")
        or name.endswith(("_test.py", ".test.js", ".spec.js", ".test.ts", ".spec.ts"))
        or name == "conftest.py"
    )


def archive_path(name: str, registry: str, version: str) -> Path:
    if registry == "npm":
        return OUT / f"{name}-{version}.tgz"
    return OUT / f"{name}-{version}.tar.gz"


def fetch(name: str, registry: str, version: str) -> Path:
    """The project's archive, downloaded once with the registry's own client."""
    OUT.mkdir(parents=True, exist_ok=True)
    target = archive_path(name, registry, version)
    if target.exists():
        return target
    if registry == "npm":
        argv = ["npm", "pack", f"{name}@{version}", "--pack-destination", str(OUT)]
    else:
        argv = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            "-d",
            str(OUT),
            f"{name}=={version}",
        ]
    subprocess.run(argv, check=True, capture_output=True, timeout=600)
    if not target.exists():
        # sdist names are normalised by the build backend (e.g. underscores).
        found = sorted(OUT.glob(f"{name.replace('-', '_')}-{version}.tar.gz"))
        if not found:
            raise RuntimeError(f"{' '.join(argv)} did not produce {target.name}")
        return found[0]
    return target


def source_files(archive: Path) -> Iterator[tuple[str, str]]:
    """(path relative to the project root, text) for every text file in the archive."""
    with tarfile.open(archive) as tar:
        for member in tar:
            if not member.isfile() or member.size > MAX_FILE_BYTES:
                continue
            parts = member.name.split("/", 1)
            if len(parts) < 2 or not parts[1]:
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            data = handle.read()
            if b"\0" in data:
                continue
            try:
                yield parts[1], data.decode("utf-8")
            except UnicodeDecodeError:
                continue


def review_project(name: str, registry: str, version: str) -> ProjectResult:
    result = ProjectResult(name, version)
    include = JS_INCLUDE if registry == "npm" else []
    config = RepoConfig(llm=False, paths=PathsConfig(include=include))
    files = [added_file(path, text) for path, text in source_files(fetch(name, registry, version))]
    texts = {f.path: f.content or "" for f in files}
    for start in range(0, len(files), BATCH):
        batch = files[start : start + BATCH]
        review = review_files(batch, config)
        skipped = {s.path for s in review.skipped}
        for file in batch:
            if file.path in skipped:
                continue
            lines = len((file.content or "").splitlines())
            for tally in _tallies(result, file.path):
                tally.files += 1
                tally.lines += lines
        for finding in review.findings:
            result.severities[finding.rule] = finding.severity
            for tally in _tallies(result, finding.path):
                tally.by_rule[finding.rule] += 1
            source = texts.get(finding.path, "").splitlines()
            line = source[finding.line - 1].strip() if finding.line <= len(source) else ""
            result.findings.append((finding, line))
        result.errors.extend(f"{e.rule} {e.path}: {e.error}" for e in review.stats.rule_errors)
    return result


def _tallies(result: ProjectResult, path: str) -> list[Tally]:
    return [result.all_files] if is_test_path(path) else [result.all_files, result.no_tests]


def per_1k(count: int, lines: int) -> str:
    return f"{1000 * count / lines:.2f}" if lines else "-"


def medium_plus(severities: dict[str, Severity]) -> set[str]:
    return {r for r, s in severities.items() if s.at_least(Severity.MEDIUM)}


def render(results: Sequence[ProjectResult]) -> str:
    severities: dict[str, Severity] = {}
    for r in results:
        severities.update(r.severities)
    loud = medium_plus(severities)
    out = [
        "| project | version | files | lines | findings (all) | medium+ | medium+ per 1k"
        " | files w/o tests | lines w/o tests | medium+ w/o tests | medium+ per 1k w/o tests |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    grand, grand_nt = Tally(), Tally()
    for r in results:
        grand.add(r.all_files)
        grand_nt.add(r.no_tests)
        out.append(_project_row(r.name, r.version, r.all_files, r.no_tests, loud))
    out.append(_project_row("**all**", "", grand, grand_nt, loud))
    out += [
        "",
        "| rule | severity | "
        + " | ".join(r.name for r in results)
        + " | total | per 1k | per 1k w/o tests | worst project per 1k w/o tests |",
        "|---|---|" + "--:|" * (len(results) + 4),
    ]
    ranked = sorted(grand.by_rule, key=lambda rule: (-grand.by_rule[rule], rule))
    for rule in ranked:
        counts = " | ".join(str(r.all_files.by_rule.get(rule, 0)) for r in results)
        out.append(
            f"| `{rule}` | {severities[rule]} | {counts} | {grand.by_rule[rule]}"
            f" | {per_1k(grand.by_rule[rule], grand.lines)}"
            f" | {per_1k(grand_nt.by_rule.get(rule, 0), grand_nt.lines)}"
            f" | {_worst(results, rule)} |"
        )
    errors = [e for r in results for e in r.errors]
    out += ["", f"Rule errors: {len(errors)}"]
    out += [f"- {e}" for e in errors[:20]]
    return "\n".join(out)


def _worst(results: Sequence[ProjectResult], rule: str) -> str:
    """The highest rate of one project, outside tests: a big project cannot dilute it."""
    rates = [
        (r.no_tests.by_rule.get(rule, 0) / r.no_tests.lines, r.name)
        for r in results
        if r.no_tests.lines
    ]
    rate, name = max(rates, default=(0.0, "-"))
    return f"{1000 * rate:.2f} ({name})" if rate else "0"


def _project_row(name: str, version: str, tally: Tally, nt: Tally, loud: set[str]) -> str:
    med, med_nt = tally.total(loud), nt.total(loud)
    return (
        f"| {name} | {version} | {tally.files} | {tally.lines} | {tally.total()} | {med}"
        f" | {per_1k(med, tally.lines)} | {nt.files} | {nt.lines} | {med_nt}"
        f" | {per_1k(med_nt, nt.lines)} |"
    )


def write_samples(results: Sequence[ProjectResult], path: Path) -> None:
    """Every finding as `project<TAB>path:line<TAB>rule<TAB>severity<TAB>text`, by rule."""
    rows = [
        (f.rule, r.name, f"{f.path}:{f.line}", str(f.severity), text)
        for r in results
        for f, text in r.findings
    ]
    rows.sort()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for rule, project, where, severity, text in rows:
            out.write(f"{project}\t{where}\t{rule}\t{severity}\t{text[:200]}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=OUT.parent / "noise_findings.tsv")
    parser.add_argument("--json", type=Path, help="also write the counts as JSON")
    parser.add_argument("--only", nargs="*", help="review only these projects")
    args = parser.parse_args(argv)
    chosen = [p for p in PROJECTS if not args.only or p[0] in args.only]
    results = [review_project(*p) for p in chosen]
    print(render(results))
    write_samples(results, args.samples)
    if args.json:
        counts = {
            r.name: {
                "files": r.all_files.files,
                "lines": r.all_files.lines,
                "by_rule": dict(r.all_files.by_rule),
                "lines_no_tests": r.no_tests.lines,
                "by_rule_no_tests": dict(r.no_tests.by_rule),
            }
            for r in results
        }
        args.json.write_text(json.dumps(counts, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
