"""Rule work under wall-clock budgets, enforced from outside the code that computes.

A check that loops on one hostile file (a regex gone exponential, a parser that
never returns) cannot be interrupted from inside Python: a thread cannot be
killed and a signal handler does not run while C code holds the interpreter.
So the rule engine's units (`bot.rules.engine.plan_rules`) run in a child
process, one after the other, each task's result streamed back as it completes.
The parent watches the clock: a unit (one file's per-file checks, or one batch
check) over the per-file budget gets the child killed, is recorded as not
finished, and a fresh child takes the units that remain; when the review's
budget runs out, the child is killed and every unit left is named. A child
that dies on its own (a segfault in an analyzer's native code, `os._exit`) is
recorded as that check's error, and the next child carries on after it. With two
lanes (the CLI on a two-core machine) two such children run at once, each on its own
share of the units (`_split`), under the same budgets.

Results cross the process boundary as plain data (`TaskResult` holds `Hit`s);
turning hits into findings stays in the parent, so the findings are exactly
those of the in-process `run_rules`.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import math
import multiprocessing
import os
import select
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from bot.models import ChangedFile, UnfinishedUnit

if TYPE_CHECKING:
    from bot.config import RulesConfig
    from bot.rules.engine import Check, Registry, RulePlan, RuleRun, Task, TaskResult

log = logging.getLogger("bastion.isolation")

RuleRunner = Callable[..., "RuleRun"]  # (files, config, *, extra_checks=()) -> RuleRun

# How long a killed child gets to be reaped before we stop waiting for it.
_REAP_S = 5.0


DEFAULT_FILE_BUDGET_S = 20.0
DEFAULT_REVIEW_BUDGET_S = 120.0
FILE_BUDGET_ENV = "BASTION_FILE_BUDGET_S"
REVIEW_BUDGET_ENV = "BASTION_REVIEW_BUDGET_S"
_MAX_BUDGET_S = 24 * 3600.0


def parse_budget(value: str | float) -> float:
    """A time budget in seconds: a finite number above 0 (and at most a day)."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"must be a number of seconds, got {value!r}") from None
    if not 0 < seconds <= _MAX_BUDGET_S:  # also rejects nan
        raise ValueError(f"must be above 0 and at most {_MAX_BUDGET_S:g} seconds, got {value!r}")
    return seconds


def budgeted_rule_runner(
    file_budget_s: float,
    review_budget_s: float,
    *,
    start_method: str | None = None,
    lanes: int = 1,
) -> RuleRunner:
    """A rule runner for `bot.pipeline.review_files(rule_runner=...)` that runs the
    rule engine in a child process under the two budgets (seconds, > 0).

    `start_method`: "fork" is cheapest and fine in a single-threaded process (the
    CLI); the default, "forkserver", is the safe choice in a process with threads
    (the App's worker), and its server starts once per process with the rule
    modules already imported. `lanes`: how many children run at once (`_split`);
    the CLI uses two on a machine with two cores, the App's workers one each."""
    file_budget_s, review_budget_s = parse_budget(file_budget_s), parse_budget(review_budget_s)

    def run(
        files: Sequence[ChangedFile],
        config: RulesConfig | None = None,
        *,
        extra_checks: Sequence[Check] = (),
    ) -> RuleRun:
        return run_rules_budgeted(
            files,
            config,
            extra_checks=extra_checks,
            file_budget_s=file_budget_s,
            review_budget_s=review_budget_s,
            start_method=start_method,
            lanes=lanes,
        )

    return run


def run_rules_budgeted(
    files: Sequence[ChangedFile],
    config: RulesConfig | None = None,
    *,
    file_budget_s: float,
    review_budget_s: float,
    reg: Registry | None = None,
    only: Sequence[str] | None = None,
    start_method: str | None = None,
    extra_checks: Sequence[Check] = (),
    lanes: int = 1,
) -> RuleRun:
    """`run_rules` in child processes, under a per-unit and a per-review budget.
    `extra_checks` (a team's rules) are part of the plan, and the plan's checks are
    what the child is sent: they reach it with this review and no other."""
    from bot.rules.engine import collect, plan_rules

    plan = plan_rules(files, config, reg=reg, only=only, extra_checks=extra_checks)
    if not plan.units:
        return collect(plan, {})
    supervisor = _Supervisor(
        plan, file_budget_s, review_budget_s, _context(start_method), lanes=lanes
    )
    supervisor.run()
    return collect(plan, supervisor.results, supervisor.unfinished)


def _context(
    start_method: str | None,
) -> Any:  # a start method's context; typeshed has no common type
    method = start_method or (
        "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    )
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        from bot.rules.engine import _module_names

        # Each child forks from a server that has the analyzers imported already.
        # "__main__" too: without it every child imports the main script anew (the
        # server then holds it, and a child finds it there), which costs a second or
        # more when that script imports a web framework.
        ctx.set_forkserver_preload(
            [
                "__main__",
                "bot.rules.engine",
                *(f"bot.rules.{name}" for name in _module_names()),
                "bot.schema.context",
                "bot.spec_refs",
            ]
        )
    return ctx


class IsolationError(RuntimeError):
    """The child process could not run at all (not a check's fault)."""


@dataclass
class _Lane:
    """Units run one after the other by one child at a time."""

    queue: deque[tuple[int, Task]]  # (unit index, task), in the plan's order
    process: BaseProcess | None = None
    receive: Connection | None = None
    ready: bool = False  # the child said it is ready: the per-unit budget counts


@dataclass
class _Supervisor:
    plan: RulePlan
    file_budget_s: float
    review_budget_s: float
    ctx: Any
    lanes: int = 1
    results: dict[Task, TaskResult] = field(default_factory=dict)
    unfinished: list[UnfinishedUnit] = field(default_factory=list)
    _poller: Any = field(default=None, init=False, repr=False)  # select.poll, in `run`

    def run(self) -> None:
        self.review_deadline = time.monotonic() + self.review_budget_s
        self._poller = select.poll() if hasattr(select, "poll") else None
        self.unit_started: dict[int, float] = {}
        self.dropped: list[tuple[int, UnfinishedUnit]] = []
        lanes = [_Lane(deque(group)) for group in _split(self.plan, self.lanes)]
        try:
            while any(lane.queue for lane in lanes) and time.monotonic() < self.review_deadline:
                for lane in lanes:
                    if lane.queue and lane.process is None:
                        self._start(lane)
                self._step([lane for lane in lanes if lane.process is not None])
        finally:
            for lane in lanes:
                self._end(lane)
        left = [item for lane in lanes for item in lane.queue]
        if left:
            self._drop_rest(left, "review budget", self.review_budget_s)
        # In the plan's order, whichever lane dropped them first (with one lane, that
        # is the order they were dropped in).
        self.unfinished = [u for _, u in sorted(self.dropped, key=lambda pair: pair[0])]

    def _start(self, lane: _Lane) -> None:
        """A child on every task left in the lane."""
        tasks = [task for _, task in lane.queue]
        receive, send = self.ctx.Pipe(duplex=False)
        process = self.ctx.Process(
            target=_child_main,
            args=(send, self.plan.files, self.plan.checks, tasks, _carried()),
            name="bastion-rules",
            daemon=True,
        )
        lane.process, lane.receive, lane.ready = process, receive, False
        process.start()
        send.close()  # the parent only reads: EOF on `receive` means the child is gone
        if self._poller is not None:
            self._poller.register(receive.fileno(), select.POLLIN)

    def _deadline(self, lane: _Lane) -> float:
        if not lane.ready:
            return self.review_deadline
        unit, _ = lane.queue[0]
        began = self.unit_started.setdefault(unit, time.monotonic())
        return min(began + self.file_budget_s, self.review_deadline)

    def _step(self, lanes: list[_Lane]) -> None:
        """Wait for the first message (or EOF) of any lane's child, or the first
        deadline; handle what came."""
        deadlines = [self._deadline(lane) for lane in lanes]
        timeout = max(0.0, min(deadlines) - time.monotonic())
        ready = self._ready(lanes, timeout)
        for lane, deadline in zip(lanes, deadlines, strict=True):
            if lane.receive in ready:
                self._message(lane)
            elif time.monotonic() >= deadline:
                if lane.ready and deadline < self.review_deadline:
                    self._drop_unit(lane, lane.queue[0][0], self.file_budget_s)
                self._end(lane)  # over a budget: the child is killed

    def _ready(self, lanes: list[_Lane], timeout: float) -> list[Connection]:
        """The lanes' connections with something to read (a message, or EOF), waiting
        up to `timeout` seconds. A review's children send thousands of small messages:
        one poll object, registered when a child starts, is waited on for each, instead
        of a new selector per message (`multiprocessing.connection.wait`)."""
        receives = [lane.receive for lane in lanes if lane.receive is not None]
        if self._poller is None:
            ready = wait(receives, timeout)
            return [conn for conn in receives if conn in ready]
        by_fd = {conn.fileno(): conn for conn in receives}
        events = self._poller.poll(math.ceil(timeout * 1000))
        return [by_fd[fd] for fd, _ in events if fd in by_fd]

    def _message(self, lane: _Lane) -> None:
        assert lane.receive is not None and lane.process is not None
        if not lane.ready:
            try:
                lane.receive.recv()
            except (EOFError, OSError):
                # Died before running any check: no child can run them, and retrying
                # would only fail the same way.
                reason = _exit_reason(_stopped(lane.process))
                raise IsolationError(
                    f"the rule engine's process did not start ({reason})"
                ) from None
            lane.ready = True
            return
        _, task = lane.queue[0]
        try:
            result = lane.receive.recv()
        except (EOFError, OSError):
            self._crashed(task, lane)
            return
        self.results[task] = result
        lane.queue.popleft()
        if not lane.queue:
            self._end(lane)

    def _end(self, lane: _Lane) -> None:
        if lane.process is not None:
            _stop(lane.process)
        if lane.receive is not None:
            if self._poller is not None:
                with contextlib.suppress(KeyError, ValueError, OSError):
                    self._poller.unregister(lane.receive.fileno())
            lane.receive.close()
        lane.process, lane.receive, lane.ready = None, None, False

    def _crashed(self, task: Task, lane: _Lane) -> None:
        from bot.rules.engine import TaskResult

        assert lane.process is not None
        reason = _exit_reason(_stopped(lane.process))
        self._end(lane)
        check = self.plan.checks[task.check].name
        log.warning("check %s ended its process on %s: %s", check, self.plan.where(task), reason)
        self.results[task] = TaskResult(
            errors=[(self.plan.where(task), f"the check ended its process ({reason})")]
        )
        lane.queue.popleft()

    def _drop_unit(self, lane: _Lane, unit: int, budget_s: float) -> None:
        left = [task for n, task in lane.queue if n == unit]
        lane.queue = deque((n, task) for n, task in lane.queue if n != unit)
        self._record(unit, left, "file budget", budget_s)

    def _drop_rest(self, left: list[tuple[int, Task]], reason: str, budget_s: float) -> None:
        by_unit: dict[int, list[Task]] = {}
        for unit, task in sorted(left, key=lambda pair: pair[0]):
            by_unit.setdefault(unit, []).append(task)
        for unit, tasks in by_unit.items():
            self._record(unit, tasks, reason, budget_s)

    def _record(self, unit: int, tasks: list[Task], reason: str, budget_s: float) -> None:
        names = list(dict.fromkeys(self.plan.checks[t.check].name for t in tasks))
        label = self.plan.units[unit].label
        log.warning("not reviewed (%s of %g s): %s (%s)", reason, budget_s, label, names)
        self.dropped.append(
            (unit, UnfinishedUnit(path=label, checks=names, reason=reason, budget_s=budget_s))
        )


def _split(plan: RulePlan, lanes: int) -> list[list[tuple[int, Task]]]:
    """The plan's (unit, task) pairs cut into at most `lanes` groups, each in the plan's
    order. With two: the Python files' per-file checks and the batch checks that read
    only Python files in one (they read the same trees and flows, which each child
    builds for itself), everything else in the other. On the large benchmark PR the
    two take about the same time."""
    pairs = [(n, task) for n, unit in enumerate(plan.units) for task in unit.tasks]
    if lanes < 2:
        return [pairs]
    first: list[tuple[int, Task]] = []
    second: list[tuple[int, Task]] = []
    for n, task in pairs:
        python = all(
            (file := plan.by_path.get(path)) is not None and file.language == "python"
            for path in task.paths
        )
        (first if python else second).append((n, task))
    return [group for group in (first, second) if group]


def _stopped(process: BaseProcess) -> BaseProcess:
    _stop(process)
    return process


def _stop(process: BaseProcess) -> None:
    """Kill the child and everything it started (it leads its own process group),
    and reap it, so nothing outlives the review."""
    if process.exitcode is None and process.pid is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    process.join(_REAP_S)


def _exit_reason(process: BaseProcess) -> str:
    code = process.exitcode
    if code is None:
        return "no exit status"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
        return f"killed by signal {-code}"
    return f"exit status {code}"


def _carried() -> tuple[Any, Any]:
    """What the checks read from context variables, which do not cross into a child:
    the review's schema (`bot.schema.context`) and the files its specs `$ref`."""
    from bot import spec_refs
    from bot.schema import context as schema_context

    return schema_context.current(), spec_refs.current()


def _child_main(
    send: Connection,
    files: list[ChangedFile],
    checks: list[Check],
    tasks: list[Task],
    carried: tuple[Any, Any] = (None, None),
) -> None:
    """The child: run the tasks in order, sending each result as it completes."""
    from bot import spec_refs
    from bot.schema import context as schema_context

    schema, refs = carried
    with contextlib.ExitStack() as stack:
        if schema is not None:
            stack.enter_context(
                schema_context.use(
                    schema.schema,
                    large_tables=schema.large_tables,
                    small_tables=schema.small_tables,
                )
            )
        if refs is not None:
            stack.enter_context(spec_refs.use(refs))
        _run_tasks(send, files, checks, tasks)


def _run_tasks(
    send: Connection, files: list[ChangedFile], checks: list[Check], tasks: list[Task]
) -> None:
    from bot.rules.engine import run_task

    # Lead a process group, so that the parent's kill reaches anything we start.
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    # The parent records a crash as the check's error; a stack dump on stderr would be
    # the very traceback the CLI promises not to print.
    faulthandler.disable()
    by_path = {f.path: f for f in files}
    send.send(None)  # ready: the budgets count from here
    for task in tasks:
        send.send(run_task(checks[task.check], [by_path[p] for p in task.paths]))
    send.close()
