"""Time `bastion review` on a large generated PR and on a 10-line diff, beside ruff.

Everything is measured in the same run, interleaved round by round so that
machine noise hits every command alike; each number is the median of N rounds
after one warm-up round (file cache warm, as in CI after checkout), with the
package's .pyc files written first (as `pip install` does; with
PYTHONDONTWRITEBYTECODE set, as on some machines, every run would otherwise
recompile every module it imports):

  a. `bastion review large.diff --no-llm --format json --output /dev/null`
     as a subprocess: interpreter start-up and imports included;
  b. `ruff check --select S --no-cache --isolated` over the post-change Python
     files of the same PR: the peer, measured in the same run;
  c. `bastion review small.diff --no-llm`, start-up included;
  d. `python -c pass`: the floor no Python CLI can beat.

Then an in-process breakdown of where the large review spends its time (cold
imports, parse, select, each check, anchoring and rendering), each stage the
median over N fresh processes.

    .venv/bin/python bench/review_bench.py [--runs 5] [--update-doc docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_large_pr  # noqa: E402  (a sibling script, not a package)

LARGE_TARGET_S = 3.0
SMALL_TARGET_S = 0.5
TIMEOUT_S = 300
DOC_HEADING = "## Review core: bastion review"
TOTAL = "total of the stages above"
WARM = "run_rules again, warm (all checks)"
END_MARKER = "<!-- end of the part review_bench.py writes -->"


@dataclass
class Timing:
    label: str
    argv: list[str]
    ok_codes: tuple[int, ...]
    target_s: float | None = None
    samples: list[float] = field(default_factory=list)
    # CPU time (user + sys) of the command and every process it started: far less
    # sensitive than wall time to other work on the machine.
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


class BenchError(RuntimeError):
    """A measured command failed: the numbers would be meaningless."""


def tool(name: str) -> str:
    """A console script of this interpreter's environment, else one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise BenchError(f"{name} is not installed next to {sys.executable} nor on PATH")
    return found


def run_once(argv: Sequence[str], ok_codes: Iterable[int], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(list(argv), cwd=cwd, capture_output=True, timeout=TIMEOUT_S, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in set(ok_codes):
        tail = done.stderr.decode(errors="replace").strip().splitlines()[-5:]
        raise BenchError(f"{' '.join(argv)} exited {done.returncode}: {' / '.join(tail)}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def compile_package() -> str:
    """Write the .pyc files of `bot`, which an installed bastion has (pip compiles
    them at install time); returns the package's folder."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("bot")
    if spec is None or not spec.submodule_search_locations:
        raise BenchError("the bot package is not importable from this interpreter")
    folder = list(spec.submodule_search_locations)[0]
    if not compileall.compile_dir(folder, quiet=1):
        raise BenchError(f"compileall failed on {folder}")
    return folder


def measure(timings: Sequence[Timing], runs: int, cwd: Path) -> None:
    for t in timings:  # warm-up: page cache, .pyc files
        run_once(t.argv, t.ok_codes, cwd)
    for _ in range(runs):
        for t in timings:
            wall, cpu = run_once(t.argv, t.ok_codes, cwd)
            t.samples.append(wall)
            t.cpu.append(cpu)


# ------------------------------------------------------------------ breakdown


def _timed(stages: dict[str, float], name: str, fn: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    value = fn()
    stages[name] = (time.perf_counter() - started) * 1000
    return value


def breakdown(diff_path: Path) -> dict[str, Any]:
    """Stage timings in ms of one review, in this (fresh) process."""
    stages: dict[str, float] = {}
    begun = time.perf_counter()
    _timed(stages, "import bot.pipeline", lambda: __import__("bot.pipeline"))
    from bot.anchor import anchor_all, with_fingerprints
    from bot.diff import parse_diff
    from bot.models import ReviewResult
    from bot.rules.engine import registry, run_rules
    from bot.select import select_backend

    reg = _timed(stages, "import checks (registry)", registry)
    raw = diff_path.read_bytes()
    files = _timed(stages, "parse_diff", lambda: parse_diff(raw))
    backend, skipped = _timed(stages, "select_backend", lambda: select_backend(files))
    hits: dict[str, int] = {}
    errors: dict[str, str] = {}
    for check in reg.checks:
        targets = [f for f in backend if f.is_backend and check.wants(f)]
        if not targets:
            continue
        label = f"check {check.name} ({len(targets)} files)"
        try:
            hits[check.name] = _timed(stages, label, _bind(check, targets))
        except Exception as exc:  # report it; the bench must still print the rest
            stages[label] = float("nan")
            errors[check.name] = f"{type(exc).__name__}: {exc}"[:200]
    # The per-check rows are the cold cost; this second pass (needed for findings to
    # anchor) shows what is left once imports and caches are warm, so it is left out
    # of the total.
    rerun_started = time.perf_counter()
    run = run_rules(backend)
    warm = (time.perf_counter() - rerun_started) * 1000
    by_path = {f.path: f for f in backend}
    findings = _timed(
        stages,
        "anchor + fingerprint",
        lambda: with_fingerprints(anchor_all(run.findings, by_path), by_path),
    )
    result = ReviewResult(findings=findings, skipped=skipped)
    _timed(stages, "import + render json", lambda: _render_json(result))
    stages[TOTAL] = (time.perf_counter() - begun) * 1000 - warm
    stages[WARM] = warm
    return {
        "stages": stages,
        "hits": hits,
        "errors": errors,
        "files": len(files),
        "backend": len(backend),
        "findings": len(run.findings),
        "rule_errors": [e.model_dump() for e in run.errors],
    }


def _bind(check: Any, targets: list[Any]) -> Callable[[], int]:
    return lambda: _run_check(check, targets)


def _run_check(check: Any, targets: list[Any]) -> int:
    if check.batch:
        return len(list(check.check_files(targets)))
    return sum(len(list(check.check_file(f))) for f in targets)


def _render_json(result: Any) -> str:
    from bot.report import render

    return str(render(result, "json"))


def breakdowns(diff_path: Path, runs: int, cwd: Path) -> dict[str, Any]:
    """Median stage times over `runs` fresh processes (cold imports each time)."""
    samples: list[dict[str, Any]] = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--breakdown", str(diff_path)],
            cwd=cwd,
            capture_output=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise BenchError(f"breakdown failed: {done.stderr.decode(errors='replace')[-500:]}")
        samples.append(json.loads(done.stdout))
    names = list(samples[0]["stages"])
    medians = {
        n: statistics.median(s["stages"].get(n, float("nan")) for s in samples) for n in names
    }
    return {**samples[0], "stages": medians}


# ------------------------------------------------------------------- report


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count() or 0
    with contextlib.suppress(AttributeError):
        cores = len(os.sched_getaffinity(0))  # what nproc prints
    return (
        f"{cores} CPUs (nproc), {model}; Python {platform.python_version()} "
        f"({platform.python_implementation()}); {platform.system()} {platform.release()}"
    )


def load_average() -> str:
    """Other work on the machine skews wall times; say how busy it was."""
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"


def _s(seconds: float) -> str:
    return f"{seconds:.3f} s"


def _verdict(t: Timing) -> str:
    if t.target_s is None:
        return "—"
    return "pass" if t.median < t.target_s else "**miss**"


def review_findings(bastion: str, diff: Path, cwd: Path) -> dict[str, Any]:
    """One extra run keeping the JSON, to show what the timed review found."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "review.json"
        argv = [bastion, "review", str(diff), "--no-llm", "--format", "json", "--output", str(out)]
        run_once(argv, (0, 1), cwd)
        data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def ruff_findings(ruff: str, tree: Path, cwd: Path) -> Counter[str]:
    argv = [ruff, "check", "--select", "S", "--no-cache", "--isolated"]
    argv += ["--output-format", "json", "--exit-zero", str(tree)]
    done = subprocess.run(argv, cwd=cwd, capture_output=True, timeout=TIMEOUT_S, check=False)
    return Counter(item["code"] for item in json.loads(done.stdout or b"[]"))


def render_markdown(
    timings: Sequence[Timing],
    runs: int,
    pr_text: str,
    review: dict[str, Any],
    ruff_codes: Counter[str],
    large_stages: dict[str, Any],
    small_stages: dict[str, Any],
    commands: Sequence[str],
    load_note: str = "",
) -> str:
    rows = [
        "| measurement | median | min | max | target | result | CPU (median) |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for t in timings:
        target = f"< {t.target_s:g} s" if t.target_s is not None else "—"
        rows.append(
            f"| {t.label} | {_s(t.median)} | {_s(min(t.samples))} | {_s(max(t.samples))} "
            f"| {target} | {_verdict(t)} | {_s(statistics.median(t.cpu))} |"
        )
    by_rule = Counter(f["rule"] for f in review.get("findings", []))
    stats = review.get("stats", {})
    lines = [
        DOC_HEADING,
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on: {machine()}. {load_note}",
        "",
        f"Large PR (`bench/gen_large_pr.py`, seed {gen_large_pr.DEFAULT_SEED}): {pr_text}.",
        "The 10-line diff modifies one Python file (one hunk, 10 added lines, one of them",
        "string-built SQL).",
        "",
        f"Wall time of each command as a subprocess, start-up included; median of {runs}",
        "rounds after one warm-up round, the commands interleaved within each round. CPU",
        "is user + sys of the command and the processes it started (the review's rule",
        "children, ruff, squawk): two rule children run at once on two cores, so a",
        "review's wall time can be below its CPU time.",
        "",
        *rows,
        "",
        f"What the timed large review found: {len(review.get('findings', []))} findings "
        f"({_counts(by_rule)}); {stats.get('files_reviewed', '?')} files reviewed, "
        f"{stats.get('files_skipped', '?')} skipped; rule errors: "
        f"{_rule_errors(stats.get('rule_errors', []))}.",
        f"ruff's own findings on the same Python files: {sum(ruff_codes.values())} "
        f"({_counts(ruff_codes)}).",
        "",
        "In-process breakdown of the large review (ms, median of the same number of fresh",
        "processes; imports are cold, each check's first call included):",
        "",
        "| stage | large PR | 10-line diff |",
        "|---|---:|---:|",
        *_stage_rows(large_stages["stages"], small_stages["stages"]),
        "",
    ]
    if large_stages.get("errors"):
        lines += ["Checks that raised during the breakdown:", ""]
        lines += [f"- `{k}`: {v}" for k, v in large_stages["errors"].items()] + [""]
    lines += ["Commands (from the repository root):", "", "```sh", *commands, "```", ""]
    return "\n".join(lines)


def _stage_rows(large: dict[str, float], small: dict[str, float]) -> list[str]:
    def fmt(value: float | None) -> str:
        return "—" if value is None or value != value else f"{value:.1f}"

    names = list(large) + [n for n in small if n not in large]
    names = [n for n in names if n not in (TOTAL, WARM)] + [TOTAL, WARM]
    return [f"| {n} | {fmt(large.get(n))} | {fmt(small.get(n))} |" for n in names]


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.most_common()) or "none"


def _rule_errors(errors: list[dict[str, Any]]) -> str:
    if not errors:
        return "none"
    return "; ".join(f"{e.get('rule')}: {e.get('error')}" for e in errors)


def update_doc(doc: Path, section: str) -> None:
    """Replace the measured part of this benchmark's section, keeping everything else.

    The measured part runs from the heading to `END_MARKER`; written analysis after
    the marker, and every other section, survive a re-run. Without a marker the
    section ends at the next `## ` heading."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.strip() == DOC_HEADING), None)
    generated = section.rstrip("\n") + "\n\n" + END_MARKER
    if start is None:
        doc.write_text(text.rstrip("\n") + "\n\n" + generated + "\n", encoding="utf-8")
        return
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if lines[i].strip() == END_MARKER:
            end = i + 1
            break
        if lines[i].startswith("## "):
            end = i
            break
    after = "\n".join(lines[end:]).strip("\n")
    new = "\n".join(lines[:start]) + "\n" + generated + "\n"
    if after:
        new += "\n" + after + "\n"
    doc.write_text(new.lstrip("\n"), encoding="utf-8")


# ---------------------------------------------------------------------- main


def prepare(out_dir: Path, seed: int) -> tuple[Path, Path, Path, str]:
    out_dir.mkdir(parents=True, exist_ok=True)
    pr = gen_large_pr.generate_pr(seed)
    large = out_dir / "large.diff"
    large.write_text(pr.diff, encoding="utf-8")
    small = out_dir / "small.diff"
    small.write_text(gen_large_pr.small_diff(seed), encoding="utf-8")
    tree = out_dir / "large_py"
    shutil.rmtree(tree, ignore_errors=True)  # stale files would change ruff's workload
    gen_large_pr.write_python_tree(pr, tree)
    return large, small, tree, gen_large_pr.describe(pr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark `bastion review` against targets.")
    parser.add_argument("--runs", type=int, default=5, help="rounds to take the median of")
    parser.add_argument("--seed", type=int, default=gen_large_pr.DEFAULT_SEED)
    parser.add_argument("--out-dir", type=Path, default=gen_large_pr.OUT_DIR)
    parser.add_argument("--update-doc", type=Path, help="rewrite this section of the doc")
    parser.add_argument(
        "--other",
        help="another install's bastion executable (a base to compare with): its two "
        "reviews join the same interleaved rounds, without targets",
    )
    parser.add_argument("--breakdown", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.breakdown:
        print(json.dumps(breakdown(args.breakdown)))
        return 0
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    load_before = load_average()
    compile_package()
    large, small, tree, pr_text = prepare(args.out_dir, args.seed)
    cwd = args.out_dir.resolve()  # no .github/bastion.yml here: the default config
    bastion, ruff = tool("bastion"), tool("ruff")
    large_cmd = [bastion, "review", large.name, "--no-llm", "--format", "json"]
    large_cmd += ["--output", os.devnull]
    ruff_cmd = [ruff, "check", "--select", "S", "--no-cache", "--isolated", tree.name]
    small_cmd = [bastion, "review", small.name, "--no-llm"]
    floor_cmd = [sys.executable, "-c", "pass"]
    n_py = len(list(tree.rglob("*.py")))
    timings = [
        Timing("`bastion review` large PR (--no-llm, json)", large_cmd, (0, 1), LARGE_TARGET_S),
        Timing(f"`ruff check --select S` same {n_py} Python files (peer)", ruff_cmd, (0, 1)),
        Timing("`bastion review` 10-line diff (--no-llm)", small_cmd, (0, 1), SMALL_TARGET_S),
        Timing("`python -c pass` (interpreter floor)", floor_cmd, (0,)),
    ]
    if args.other:
        other = str(Path(args.other).resolve()) if "/" in args.other else args.other
        timings += [
            Timing("`bastion review` large PR, other install", [other, *large_cmd[1:]], (0, 1)),
            Timing("`bastion review` 10-line diff, other install", [other, *small_cmd[1:]], (0, 1)),
        ]
    measure(timings, args.runs, cwd)
    review = review_findings(bastion, large.resolve(), cwd)
    codes = ruff_findings(ruff, tree.resolve(), cwd)
    large_stages = breakdowns(large.resolve(), args.runs, cwd)
    small_stages = breakdowns(small.resolve(), args.runs, cwd)
    commands = [
        ".venv/bin/python bench/gen_large_pr.py --python-tree bench/out/large_py",
        ".venv/bin/python bench/gen_large_pr.py --small",
        "cd bench/out",
        *(" ".join(_rel(a) for a in t.argv) for t in timings),
    ]
    load_note = f"Load average before the run {load_before}; after {load_average()}."
    section = render_markdown(
        timings, args.runs, pr_text, review, codes, large_stages, small_stages, commands, load_note
    )
    print(section)
    if args.update_doc:
        update_doc(args.update_doc, section)
    missed = [t.label for t in timings if t.target_s is not None and t.median >= t.target_s]
    return 1 if missed else 0


def _rel(arg: str) -> str:
    """Paths as a reader of the docs would type them, never this machine's."""
    path = Path(arg)
    if path.is_absolute() and path.parent == Path(sys.executable).parent:
        return f"../../.venv/bin/{path.name}"
    return arg


if __name__ == "__main__":
    sys.exit(main())
