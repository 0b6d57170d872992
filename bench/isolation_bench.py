"""What running the rule engine in a child costs, per start method.

For the 10-line diff and the large generated PR, in one process with the checks
imported (as the CLI and the worker have them): the in-process `run_rules`, then
`run_rules_budgeted` with fork, forkserver (first call starts the server; later
calls fork from it) and spawn. Median of N calls after the first; the first call
is reported apart. Also `bastion review` on the 10-line diff as a subprocess, with
the budgeted runner (the CLI default) and the budget flags of the same run.

    .venv/bin/python bench/isolation_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_large_pr  # noqa: E402  (a sibling script, not a package)


def _timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    start = time.perf_counter()
    call()
    first = time.perf_counter() - start
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return first, statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from bot.diff import parse_diff
    from bot.isolation import run_rules_budgeted
    from bot.rules.engine import registry, run_rules
    from bot.select import select_backend

    with tempfile.TemporaryDirectory() as tmp:
        small_path = Path(tmp) / "small.diff"
        small_path.write_text(gen_large_pr.generate(small=True))
        diffs = {"10-line diff": small_path.read_text(), "large PR": gen_large_pr.generate()}
        print("| runner | diff | first call | median of later calls |")
        print("|---|---|---:|---:|")
        for label, diff in diffs.items():
            files, _ = select_backend(parse_diff(diff))
            registry(f.language for f in files if f.is_backend)
            first, median = _timed(lambda files=files: run_rules(files), args.runs)
            print(f"| in process | {label} | {first:.3f} s | {median:.3f} s |")
            for method in ("fork", "forkserver", "spawn"):
                if method == "spawn" and label == "large PR":
                    continue

                def budgeted(files: list = files, method: str = method) -> object:  # type: ignore[type-arg]
                    return run_rules_budgeted(
                        files, file_budget_s=60, review_budget_s=600, start_method=method
                    )

                first, median = _timed(budgeted, args.runs)
                print(f"| child ({method}) | {label} | {first:.3f} s | {median:.3f} s |")

        cli = [sys.executable, "-m", "bot.cli", "review", str(small_path), "--no-llm"]
        walls = []
        for _ in range(args.runs + 1):
            start = time.perf_counter()
            subprocess.run(cli, capture_output=True, check=False)
            walls.append(time.perf_counter() - start)
        print(
            f"\n`bastion review` 10-line diff (--no-llm, forked child): median "
            f"{statistics.median(walls[1:]):.3f} s, min {min(walls[1:]):.3f} s, "
            f"max {max(walls[1:]):.3f} s"
        )


if __name__ == "__main__":
    main()
