"""Rule work in a child process under time budgets (`bot.isolation`).

The checks here misbehave for real: a loop that never returns (with a
grandchild process of its own), `os._exit`, a segfault. Hang guards are the
pytest timeout only; nothing asserts a duration.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.diff import added_file, parse_diff
from bot.isolation import budgeted_rule_runner, run_rules_budgeted
from bot.models import Category, ChangedFile, Severity
from bot.pipeline import review_files
from bot.rules.engine import (
    Check,
    Hit,
    Registry,
    Rule,
    add_check,
    remove_check,
    run_rules,
)
from bot.select import select_backend

pytestmark = pytest.mark.timeout(120)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "pr-mixed.diff"


def _rule(rule_id: str) -> Rule:
    return Rule(
        id=rule_id,
        category=Category.SECURITY,
        severity=Severity.HIGH,
        title=f"{rule_id} title",
        rationale="Why it matters.",
        fix="What to do.",
        languages=("python",),
    )


class BadCallCheck(Check):
    """Flags every line with `bad(`: the findings that must survive."""

    name = "test-bad-call-check"
    rules = (_rule("test-isolated-bad-call"),)
    languages = frozenset({"python"})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        for number, text in enumerate(file.visible_text().split("\n"), 1):
            if "bad(" in text:
                yield Hit(rule="test-isolated-bad-call", path=file.path, line=number)


class StuckCheck(Check):
    """Never returns on files named `stuck`: a pure-Python busy loop (no signal
    handler or thread could stop it) after starting a grandchild that sleeps."""

    name = "test-stuck-check"
    rules = (_rule("test-isolated-stuck"),)
    languages = frozenset({"python"})

    def __init__(self, pid_dir: Path) -> None:
        self.pid_dir = pid_dir

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if "stuck" not in file.path:
            return []
        sleeper = subprocess.Popen(["sleep", "600"])
        (self.pid_dir / "pids").write_text(f"{os.getpid()} {sleeper.pid}")
        while True:
            pass


class CrashCheck(Check):
    """Ends its process on `crash*` files: a segfault, or `os._exit`."""

    name = "test-crash-check"
    rules = (_rule("test-isolated-crash"),)
    languages = frozenset({"python"})

    def check_file(self, file: ChangedFile) -> Iterable[Hit]:
        if "crash_segv" in file.path:
            os.kill(os.getpid(), signal.SIGSEGV)
        if "crash_exit" in file.path:
            os._exit(3)
        return []


def _files(*names: str) -> list[ChangedFile]:
    kept, _ = select_backend([added_file(name, "import os\nbad()\n") for name in names])
    return kept


def _registry(*checks: Check) -> Registry:
    reg = Registry()
    for check in checks:
        reg.add(check)
    return reg


def _alive(pid: int) -> bool:
    """Running (a zombie nobody reaped yet counts as gone: it runs nothing)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _gone(pid: int) -> bool:
    # A SIGKILLed grandchild is reaped by init, not by us: give it the moment that takes.
    for _ in range(100):
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def stuck(tmp_path: Path) -> Iterator[StuckCheck]:
    check, bad = StuckCheck(tmp_path), BadCallCheck()
    add_check(check)
    add_check(bad)
    yield check
    remove_check(check)
    remove_check(bad)


@pytest.mark.parametrize("start_method", [None, "fork"])
def test_a_stuck_file_is_named_and_the_others_are_reviewed(
    stuck: StuckCheck, start_method: str | None
) -> None:
    """Through the pipeline as the App runs it (the default start method is the
    forkserver) and as the CLI runs it (fork)."""
    files = [
        *parse_diff(EXAMPLE.read_bytes()),
        *(added_file(p, "import os\nbad()\n") for p in ("app/a.py", "app/stuck.py", "app/z.py")),
    ]
    runner = budgeted_rule_runner(1.0, 100.0, start_method=start_method)
    result = review_files(files, RepoConfig(), rule_runner=runner)

    flagged = {(f.path, f.rule) for f in result.findings}
    assert ("app/a.py", "test-isolated-bad-call") in flagged
    assert ("app/z.py", "test-isolated-bad-call") in flagged
    # The real checks' findings on the other files are all there.
    assert ("db/migrations/0042_orders_customer_email.sql", "index-build-blocking") in flagged
    # The stuck file's own checks before the stuck one still count.
    [unfinished] = result.stats.unfinished
    assert unfinished.path == "app/stuck.py" and unfinished.reason == "file budget"
    assert unfinished.checks[0] == "test-stuck-check"
    assert "test-bad-call-check" in unfinished.checks  # it would have run after
    assert (
        "Not reviewed (time budget): `app/stuck.py` (test-stuck-check/test-bad-call-check "
        "checks exceeded 1 s)" in result.notes
    )
    child, grandchild = (int(p) for p in (stuck.pid_dir / "pids").read_text().split())
    assert not _alive(child) and _gone(grandchild)


def test_the_same_findings_as_in_process() -> None:
    files, _ = select_backend(parse_diff(EXAMPLE.read_bytes()))
    here = run_rules(files)
    there = run_rules_budgeted(files, file_budget_s=60, review_budget_s=100, start_method="fork")
    assert here.findings and there.findings == here.findings
    assert there.errors == here.errors and there.unfinished == []


@pytest.mark.parametrize("start_method", ["fork", "forkserver"])
def test_a_check_that_ends_its_process_costs_only_itself(start_method: str) -> None:
    files = _files("app/a.py", "app/crash_segv.py", "app/crash_exit.py", "app/z.py")
    reg = _registry(CrashCheck(), BadCallCheck())
    run = run_rules_budgeted(
        files, reg=reg, file_budget_s=60, review_budget_s=100, start_method=start_method
    )
    # Every file's other check ran, the crashed files' included (in a new child).
    assert sorted(f.path for f in run.findings) == [
        "app/a.py",
        "app/crash_exit.py",
        "app/crash_segv.py",
        "app/z.py",
    ]
    errors = {(e.rule, e.path): e.error for e in run.errors}
    assert errors == {
        (
            "test-crash-check",
            "app/crash_segv.py",
        ): "the check ended its process (killed by SIGSEGV)",
        ("test-crash-check", "app/crash_exit.py"): "the check ended its process (exit status 3)",
    }
    assert run.unfinished == []


def test_when_the_review_budget_runs_out_what_finished_is_returned(tmp_path: Path) -> None:
    files = _files("app/a.py", "app/stuck.py", "app/z.py")
    reg = _registry(BadCallCheck(), StuckCheck(tmp_path))
    run = run_rules_budgeted(
        files, reg=reg, file_budget_s=100, review_budget_s=1.5, start_method="fork"
    )
    assert [f.path for f in run.findings] == ["app/a.py", "app/stuck.py"]
    left = {u.path: u for u in run.unfinished}
    assert set(left) == {"app/stuck.py", "app/z.py"}
    assert left["app/stuck.py"].checks == ["test-stuck-check"]
    assert left["app/z.py"].checks == ["test-bad-call-check", "test-stuck-check"]
    assert {u.reason for u in run.unfinished} == {"review budget"}
    assert left["app/z.py"].note() == (
        "Not reviewed (time budget): `app/z.py` (test-bad-call-check/test-stuck-check checks "
        "not run: the review's 1.5 s ran out)"
    )
    child, grandchild = (int(p) for p in (tmp_path / "pids").read_text().split())
    assert not _alive(child) and _gone(grandchild)


@pytest.mark.parametrize("value", [0, -1, float("nan"), "soon"])
def test_budgets_are_validated(value: object) -> None:
    with pytest.raises(ValueError, match="seconds"):
        budgeted_rule_runner(value, 10)  # type: ignore[arg-type]


@pytest.mark.parametrize("example", ["pr-mixed.diff", "rails-express.diff"])
def test_two_children_at_once_find_what_one_finds(example: str) -> None:
    files, _ = select_backend(parse_diff((EXAMPLE.parent / example).read_bytes()))
    # Both lanes have work: the batch checks, and the files that are not Python.
    assert any(f.language != "python" for f in files)
    here = run_rules(files)
    there = run_rules_budgeted(
        files, file_budget_s=60, review_budget_s=100, start_method="fork", lanes=2
    )
    assert here.findings and there.findings == here.findings
    assert there.errors == here.errors and there.unfinished == []


class _GoToo:
    languages = frozenset({"python", "go"})


class BadCallGoToo(_GoToo, BadCallCheck):
    pass


class StuckGoToo(_GoToo, StuckCheck):
    pass


class CrashGoToo(_GoToo, CrashCheck):
    pass


def test_with_two_children_a_crash_or_a_stuck_file_costs_only_itself(tmp_path: Path) -> None:
    """The Go files' child crashes, is replaced, then gets stuck and is killed, while
    the Python files' child runs on."""
    files = _files("app/a.py", "svc/crash_segv.go", "svc/stuck.go", "app/z.py", "svc/y.go")
    assert {f.language for f in files} == {"python", "go"}
    reg = _registry(CrashGoToo(), StuckGoToo(tmp_path), BadCallGoToo())
    run = run_rules_budgeted(
        files, reg=reg, file_budget_s=1.0, review_budget_s=100, start_method="fork", lanes=2
    )
    assert sorted(f.path for f in run.findings) == [
        "app/a.py",
        "app/z.py",
        "svc/crash_segv.go",
        "svc/y.go",
    ]
    assert [(e.rule, e.path, e.error) for e in run.errors] == [
        ("test-crash-check", "svc/crash_segv.go", "the check ended its process (killed by SIGSEGV)")
    ]
    [unfinished] = run.unfinished
    assert (unfinished.path, unfinished.reason) == ("svc/stuck.go", "file budget")
    assert unfinished.checks == ["test-stuck-check", "test-bad-call-check"]
    child, grandchild = (int(p) for p in (tmp_path / "pids").read_text().split())
    assert not _alive(child) and _gone(grandchild)
