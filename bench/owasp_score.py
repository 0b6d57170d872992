"""Score the rule engine on the OWASP Benchmark (Python or Java), the Benchmark's way.

The Benchmark is a set of small web handlers, each labelled in its
`expectedresults-*.csv` with a category (sqli, xss, ...), the CWE of that category
and whether the handler is really vulnerable. A tool flags a test when it reports a
weakness with the test's CWE anywhere in the test's file. Per category:

  TPR   = real vulnerabilities flagged / real vulnerabilities
  FPR   = safe tests flagged / safe tests
  score = TPR - FPR
  overall = mean of the category scores (each category counts the same)

Each test file is reviewed as `bastion review --no-llm` reviews a pull request that
adds it: the file becomes a newly added file (`bot.diff.added_file`), then the
pipeline (`bot.pipeline.review_files`: backend selection, every rule, consolidation)
runs with the default configuration. Files are reviewed in batches, in several
processes, for speed; `--batch 1` reviews each file alone, as its own pull request.

A finding counts with the CWE it carries and every CWE of its rule in the catalogue
(what SARIF reports as the rule's tags). Equivalences accepted, and only these, are
the obvious parent/child or sibling pairs in `CWE_EQUIVALENT`; `--strict-cwe` drops
them. Only aggregate numbers per category are printed, never a list of files: the
Benchmark is a measurement, not something to tune to.

`--tool-results FILE` (repeatable) scores another tool's results file, measured in
the same run with the same matching: SARIF (tags `external/cwe/cwe-N` on the rule or
the result), Bearer's JSON report (`cwe_ids`) or a ZAP XML report (`cweid`, test name
from the URL).

    .venv/bin/python bench/owasp_score.py --benchmark DIR --lang python \\
        [--tool-results DIR/results/BenchmarkPython-Bandit.sarif] [--jobs 2] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The Benchmark's CWE for a category -> the CWEs that name the same weakness. Only
# pairs a reader would call the same finding: a child that is the category itself
# (23 relative path traversal, 80 basic XSS, 95 eval injection, 338 weak PRNG) or the
# crypto siblings the Benchmark splits (327 broken algorithm / 328 weak hash).
CWE_EQUIVALENT: dict[int, frozenset[int]] = {
    22: frozenset({22, 23}),
    78: frozenset({78, 77}),
    79: frozenset({79, 80}),
    94: frozenset({94, 95}),
    327: frozenset({327, 328}),
    328: frozenset({328, 327}),
    330: frozenset({330, 338}),
    614: frozenset({614, 1004}),
}

EXTENSIONS = {"python": ".py", "java": ".java"}
TEST_NAME = re.compile(r"BenchmarkTest\d+")


class BenchmarkCase(BaseModel):
    """One row of the Benchmark's expected results."""

    name: str
    category: str
    real: bool
    cwe: int


class CategoryScore(BaseModel):
    category: str
    cwe: int
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    @property
    def real(self) -> int:
        return self.tp + self.fn

    @property
    def safe(self) -> int:
        return self.fp + self.tn

    @property
    def tpr(self) -> float:
        return self.tp / self.real if self.real else 0.0

    @property
    def fpr(self) -> float:
        return self.fp / self.safe if self.safe else 0.0

    @property
    def score(self) -> float:
        return self.tpr - self.fpr


def parse_expected(text: str) -> list[BenchmarkCase]:
    """The expected-results CSV: `name, category, true|false, cwe`; `#` lines are
    comments (the header is one). A malformed row is an error, not a skipped test:
    a silently shorter Benchmark would change every rate."""
    cases: list[BenchmarkCase] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(",")]
        if len(fields) < 4 or fields[2].lower() not in ("true", "false"):
            raise ValueError(f"line {number}: expected name,category,true|false,cwe: {line!r}")
        try:
            cwe = int(fields[3])
        except ValueError:
            raise ValueError(f"line {number}: CWE is not a number: {fields[3]!r}") from None
        cases.append(
            BenchmarkCase(
                name=fields[0], category=fields[1], real=fields[2].lower() == "true", cwe=cwe
            )
        )
    return cases


def accepted(cwe: int, strict: bool = False) -> frozenset[int]:
    if strict:
        return frozenset({cwe})
    return CWE_EQUIVALENT.get(cwe, frozenset({cwe}))


def score(
    cases: Iterable[BenchmarkCase], reported: Mapping[str, set[int]], *, strict: bool = False
) -> list[CategoryScore]:
    """Per-category counts; `reported` maps a test name to the CWEs reported in its file."""
    table: dict[str, CategoryScore] = {}
    for case in cases:
        cell = table.setdefault(case.category, CategoryScore(category=case.category, cwe=case.cwe))
        flagged = bool(accepted(case.cwe, strict) & reported.get(case.name, set()))
        if case.real:
            cell.tp += flagged
            cell.fn += not flagged
        else:
            cell.fp += flagged
            cell.tn += not flagged
    return [table[k] for k in sorted(table)]


def overall(scores: Sequence[CategoryScore]) -> float:
    return sum(s.score for s in scores) / len(scores) if scores else 0.0


# --- our rule engine -------------------------------------------------------------


def _review_batch(batch: Sequence[tuple[str, str]]) -> tuple[dict[str, set[int]], Counter[str]]:
    """Review one batch of (path, text) as a pull request adding those files."""
    from bot.config import RepoConfig
    from bot.diff import added_file
    from bot.pipeline import review_files
    from bot.rules.engine import registry

    files = [added_file(path, text) for path, text in batch]
    result = review_files(files, RepoConfig())
    rules = registry().rules
    reported: dict[str, set[int]] = {}
    for finding in result.findings:
        match = TEST_NAME.search(Path(finding.path).name)
        if match is None:
            continue
        cwes = set(rules[finding.rule].cwe) if finding.rule in rules else set()
        if finding.cwe is not None:
            cwes.add(finding.cwe)
        reported.setdefault(match.group(0), set()).update(cwes)
    counts: Counter[str] = Counter(
        reviewed=result.stats.files_reviewed,
        skipped=result.stats.files_skipped,
        rule_errors=len(result.stats.rule_errors),
        unfinished=len(result.stats.unfinished),
        findings=len(result.findings),
    )
    return reported, counts


def source_files(benchmark: Path, lang: str, names: Sequence[str]) -> list[Path]:
    """Each expected test's source file (anywhere under the Benchmark)."""
    ext = EXTENSIONS[lang]
    found = {p.stem: p for p in benchmark.rglob(f"BenchmarkTest*{ext}")}
    missing = [n for n in names if n not in found]
    if missing:
        raise SystemExit(f"{len(missing)} expected tests have no {ext} file under the Benchmark")
    return [found[n] for n in names]


def run_ours(
    benchmark: Path, paths: Sequence[Path], *, batch: int, jobs: int
) -> tuple[dict[str, set[int]], Counter[str]]:
    items = [
        (p.relative_to(benchmark).as_posix(), p.read_text(encoding="utf-8", errors="replace"))
        for p in paths
    ]
    batches = [items[i : i + batch] for i in range(0, len(items), batch)]
    reported: dict[str, set[int]] = {}
    counts: Counter[str] = Counter()
    if jobs <= 1:
        results: Iterable[tuple[dict[str, set[int]], Counter[str]]] = map(_review_batch, batches)
        for got, n in results:
            _merge(reported, got)
            counts.update(n)
        return reported, counts
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for got, n in pool.map(_review_batch, batches):
            _merge(reported, got)
            counts.update(n)
    return reported, counts


def _merge(into: dict[str, set[int]], got: Mapping[str, set[int]]) -> None:
    for name, cwes in got.items():
        into.setdefault(name, set()).update(cwes)


# --- other tools' bundled results --------------------------------------------------


_CWE_TAG = re.compile(r"cwe[-_/:]?(\d+)", re.IGNORECASE)


def _sarif(data: Mapping[str, object]) -> tuple[str, dict[str, set[int]]]:
    reported: dict[str, set[int]] = {}
    name = "SARIF"
    for run in data.get("runs", []):  # type: ignore[attr-defined]
        driver = run.get("tool", {}).get("driver", {})
        name = " ".join(x for x in (driver.get("name"), driver.get("version")) if x) or name
        rule_cwes: dict[str, set[int]] = {}
        for rule in driver.get("rules", []):
            tags = rule.get("properties", {}).get("tags", [])
            rule_cwes[rule.get("id", "")] = {int(m) for t in tags for m in _CWE_TAG.findall(t)}
        for result in run.get("results", []):
            cwes = set(rule_cwes.get(result.get("ruleId", ""), set()))
            tags = result.get("properties", {}).get("tags", [])
            cwes |= {int(m) for t in tags for m in _CWE_TAG.findall(t)}
            for loc in result.get("locations", []):
                uri = loc.get("physicalLocation", {}).get("artifactLocation", {}).get("uri", "")
                match = TEST_NAME.search(uri.rsplit("/", 1)[-1])
                if match:
                    reported.setdefault(match.group(0), set()).update(cwes)
    return name, reported


def _bearer(data: Mapping[str, object]) -> tuple[str, dict[str, set[int]]]:
    reported: dict[str, set[int]] = {}
    for finding in data.get("findings", []):  # type: ignore[attr-defined]
        match = TEST_NAME.search(str(finding.get("filename", "")).rsplit("/", 1)[-1])
        if match:
            cwes = {int(c) for c in finding.get("cwe_ids", []) if str(c).isdigit()}
            reported.setdefault(match.group(0), set()).update(cwes)
    return f"{data.get('source', 'Bearer')} {data.get('version', '')}".strip(), reported


def _zap(root: ET.Element) -> tuple[str, dict[str, set[int]]]:
    reported: dict[str, set[int]] = {}
    for alert in root.iter("alertitem"):
        cwe_text = (alert.findtext("cweid") or "").strip()
        if not cwe_text.isdigit():
            continue
        for uri in alert.iter("uri"):
            match = TEST_NAME.search((uri.text or "").split("?", 1)[0].rsplit("/", 1)[-1])
            if match:
                reported.setdefault(match.group(0), set()).add(int(cwe_text))
    return f"ZAP {root.get('version', '')}".strip(), reported


def read_tool_results(path: Path) -> tuple[str, dict[str, set[int]]]:
    """(tool name, test name -> CWEs reported in that test's file)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.lstrip().startswith("<"):
        root = ET.fromstring(text)
        if root.tag == "OWASPZAPReport":
            return _zap(root)
        raise SystemExit(f"{path.name}: unsupported XML report <{root.tag}>")
    data = json.loads(text)
    if "runs" in data:
        return _sarif(data)
    if "findings" in data:
        return _bearer(data)
    raise SystemExit(f"{path.name}: unsupported results format")


# --- output ------------------------------------------------------------------------


def render(
    label: str,
    ours: Sequence[CategoryScore],
    peers: Sequence[tuple[str, Sequence[CategoryScore]]],
) -> str:
    head = "| category | CWE | real | safe | TPR | FPR | " + label + " score |"
    rule = "|---|---:|---:|---:|---:|---:|---:|"
    for name, _ in peers:
        head += f" {name} |"
        rule += "---:|"
    lines = [head, rule]
    peer_maps = [{s.category: s for s in scores} for _, scores in peers]
    for s in ours:
        row = (
            f"| {s.category} | {s.cwe} | {s.real} | {s.safe} | {s.tpr:.2f} | {s.fpr:.2f} "
            f"| {s.score:+.2f} |"
        )
        for peer in peer_maps:
            other = peer.get(s.category)
            row += f" {other.score:+.2f} |" if other else " — |"
        lines.append(row)
    total = f"| **overall (mean)** | | {sum(s.real for s in ours)} | {sum(s.safe for s in ours)} "
    total += f"| | | **{overall(ours):+.3f}** |"
    for _, scores in peers:
        total += f" {overall(scores):+.3f} |"
    lines.append(total)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--benchmark", type=Path, required=True, help="the Benchmark's tree")
    parser.add_argument("--lang", choices=sorted(EXTENSIONS), required=True)
    parser.add_argument("--tool-results", type=Path, action="append", default=[])
    parser.add_argument("--batch", type=int, default=50, help="files per review (1: each alone)")
    parser.add_argument("--jobs", type=int, default=2, help="processes")
    parser.add_argument("--runs", type=int, default=1, help="time N runs, report the median")
    parser.add_argument("--strict-cwe", action="store_true", help="exact CWE only")
    args = parser.parse_args(argv)

    csvs = sorted(args.benchmark.glob("expectedresults-*.csv"))
    if len(csvs) != 1:
        raise SystemExit(f"expected one expectedresults-*.csv in the Benchmark, found {len(csvs)}")
    cases = parse_expected(csvs[0].read_text(encoding="utf-8"))
    paths = source_files(args.benchmark, args.lang, [c.name for c in cases])

    times: list[float] = []
    reported: dict[str, set[int]] = {}
    counts: Counter[str] = Counter()
    for _ in range(max(args.runs, 1)):
        start = time.perf_counter()
        reported, counts = run_ours(
            args.benchmark, paths, batch=max(args.batch, 1), jobs=max(args.jobs, 1)
        )
        times.append(time.perf_counter() - start)

    ours = score(cases, reported, strict=args.strict_cwe)
    peers = []
    for path in args.tool_results:
        name, theirs = read_tool_results(path)
        peers.append((name, score(cases, theirs, strict=args.strict_cwe)))

    print(f"OWASP Benchmark ({csvs[0].name}), {args.lang}: {len(cases)} tests")
    print(
        f"Bastion rule engine: {counts['reviewed']} files reviewed, {counts['skipped']} skipped, "
        f"{counts['findings']} findings, {counts['rule_errors']} rule errors, "
        f"{counts['unfinished']} unfinished; batch {args.batch}, {args.jobs} processes"
    )
    print(
        f"wall time of the review over all tests: median {statistics.median(times):.1f} s "
        f"(min {min(times):.1f}, max {max(times):.1f}, {len(times)} runs)"
    )
    print("CWE matching: " + ("exact only" if args.strict_cwe else "with CWE_EQUIVALENT"))
    print()
    print(render("Bastion", ours, peers))
    if not args.strict_cwe:
        strict = [overall(score(cases, reported, strict=True))]
        for path in args.tool_results:
            strict.append(overall(score(cases, read_tool_results(path)[1], strict=True)))
        print()
        print("overall with exact CWE only: " + ", ".join(f"{x:+.3f}" for x in strict))
    return 0


if __name__ == "__main__":
    sys.exit(main())
