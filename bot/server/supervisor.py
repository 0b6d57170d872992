"""`bastion serve`'s worker processes: start them, restart the ones that die, stop them all.

Reviews are CPU work (parsers, analyzers) under one interpreter lock per process: run on
threads of the receiver, one slow review delayed every webhook answer and `/healthz`.
Each worker is a separate `bastion worker` process instead, sharing the queue (the
SQLite file in WAL mode, or Redis) with the receiver, which only verifies, records and
answers.

A worker killed mid-job loses nothing: its job stays `running` in the ledger under a
lease naming its pid; the replacement's start-up replay sees that pid is gone (the
supervisor has reaped it first, so it is not a zombie that still answers `kill 0`) and
queues the job again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bot.server import metrics

log = logging.getLogger("bastion.supervisor")


@dataclass
class _Slot:
    index: int
    heartbeat: Path
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    failures: int = 0  # quick deaths in a row, for the restart back-off
    not_before: float = 0.0


class WorkerPool:
    def __init__(
        self,
        count: int,
        threads: int,
        stale_s: float = 60.0,
        check_s: float = 0.5,
    ) -> None:
        self.count = count
        self.threads = threads
        self.stale_s = stale_s
        self.check_s = check_s
        self._dir = Path(tempfile.mkdtemp(prefix="bastion-workers-"))
        self._slots = [_Slot(n, self._dir / f"worker-{n}.beat") for n in range(count)]
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.restarts = 0

    def pids(self) -> list[int]:
        return [s.proc.pid for s in self._slots if s.proc is not None and s.proc.poll() is None]

    def start(self) -> None:
        for slot in self._slots:
            self._spawn(slot)
        self._thread = threading.Thread(target=self._watch, name="bastion-supervisor", daemon=True)
        self._thread.start()
        log.info("worker processes started", extra={"processes": self.count})

    def _command(self, slot: _Slot) -> list[str]:
        return [
            sys.executable,
            "-m",
            "bot.cli",
            "worker",
            "--threads",
            str(self.threads),
            "--parent-pid",
            str(os.getpid()),
            "--heartbeat-file",
            str(slot.heartbeat),
        ]

    def _spawn(self, slot: _Slot) -> None:
        slot.heartbeat.touch()
        # stdout and stderr are ours: the children's JSON lines go where the server's go.
        slot.proc = subprocess.Popen(self._command(slot), stdin=subprocess.DEVNULL)
        slot.started = time.monotonic()

    def _watch(self) -> None:
        while not self._stop.wait(self.check_s):
            for slot in self._slots:
                try:
                    self._check(slot)
                except Exception:  # noqa: BLE001 - the supervisor must outlive any one check
                    log.exception("worker supervision failed")

    def _check(self, slot: _Slot) -> None:
        proc = slot.proc
        if proc is None:
            return
        now = time.monotonic()
        code = proc.poll()  # reaps a dead child, so its pid no longer looks alive
        if code is None:
            if self._stale(slot, now):
                log.error(
                    "worker process stuck; killing it",
                    extra={"pid": proc.pid, "stale_s": self.stale_s},
                )
                proc.kill()
            return
        if self._stop.is_set():
            return
        if slot.not_before == 0.0:
            metrics.process_gone(proc.pid)
            quick = now - slot.started < 10.0
            slot.failures = slot.failures + 1 if quick else 0
            delay = min(2.0 ** max(slot.failures - 1, 0), 30.0) if slot.failures else 0.0
            slot.not_before = now + delay
            log.warning(
                "worker process exited; restarting it",
                extra={"pid": proc.pid, "exit_code": code, "restart_in_s": delay},
            )
        if now >= slot.not_before:
            slot.not_before = 0.0
            self.restarts += 1
            metrics.WORKER_RESTARTS.inc()
            self._spawn(slot)

    def _stale(self, slot: _Slot, now: float) -> bool:
        if now - slot.started < self.stale_s:
            return False  # start-up (imports, replay) is not a stuck loop
        try:
            age = time.time() - slot.heartbeat.stat().st_mtime
        except OSError:
            return False
        return age > self.stale_s

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM every worker (each finishes its job in hand), SIGKILL what outlives
        `timeout`, and reap them all: nothing is left behind."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        procs = [s.proc for s in self._slots if s.proc is not None]
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for proc in procs:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning(
                    "worker process did not stop in time; killing it", extra={"pid": proc.pid}
                )
                proc.kill()
                proc.wait(5)
            metrics.process_gone(proc.pid)
        for slot in self._slots:
            slot.heartbeat.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self._dir.rmdir()
