"""`bastion serve`, `bastion worker`, `bastion jobs`."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from types import FrameType
from typing import TYPE_CHECKING, Any

from bot.server.logs import configure_logging, redact, redact_url, register_secrets, url_password
from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.server.queue import JobQueue

log = logging.getLogger("bastion.serve")

WORKER_NICENESS = 10

CREDENTIALS_HINT = (
    "GitHub credentials (set GITHUB_TOKEN, or GITHUB_APP_ID with GITHUB_APP_PRIVATE_KEY "
    "or GITHUB_APP_PRIVATE_KEY_PATH)"
)


def _error(message: str) -> int:
    print(f"bastion: error: {message}", file=sys.stderr)
    return 2


def _settings() -> Settings | str:
    try:
        return load_settings()
    except SettingsError as exc:
        return str(exc)


def missing_for_serve(settings: Settings, need_secret: bool = True) -> list[str]:
    missing = []
    if need_secret and settings.github_webhook_secret is None:
        missing.append("GITHUB_WEBHOOK_SECRET")
    if not settings.has_github_credentials():
        missing.append(CREDENTIALS_HINT)
    return missing


def _protect(settings: Settings) -> None:
    values = [
        settings.github_token,
        settings.github_webhook_secret,
        settings.github_app_private_key,
        settings.anthropic_api_key,
    ]
    register_secrets(v.get_secret_value() if v is not None else None for v in values)
    register_secrets([url_password(settings.queue_url)])
    with contextlib.suppress(OSError):
        register_secrets([settings.app_private_key()])


def _prepare(args: argparse.Namespace, need_secret: bool) -> Settings | int:
    loaded = _settings()
    if isinstance(loaded, str):
        return _error(loaded)
    missing = missing_for_serve(loaded, need_secret)
    if missing:
        return _error(f"cannot start: missing {' and '.join(missing)}")
    if args.workers < 0:
        return _error(f"--workers must be 0 or more, got {args.workers}")
    threads = getattr(args, "threads", None)
    if threads is not None and threads < 1:
        return _error(f"--threads must be 1 or more, got {args.threads}")
    _protect(loaded)
    configure_logging()
    return loaded


def where(settings: Settings) -> str:
    """The queue's location for a message: the URL without its password, or the data dir."""
    return redact_url(settings.queue_url) if settings.queue_url else str(settings.data_dir)


def open_reachable_queue(settings: Settings) -> JobQueue | str:
    """The queue, checked reachable now; or one line saying what is wrong and what to do."""
    from bot.server.queue import open_queue

    try:
        queue = open_queue(settings.queue_url, settings.data_dir)
        queue.ping()
    except Exception as exc:  # noqa: BLE001 - one line naming the store, no traceback
        reason = redact(f"{type(exc).__name__}: {exc}")
        if settings.queue_url:
            return (
                f"cannot reach the queue at {where(settings)} ({reason}): start Redis there "
                "or set BASTION_QUEUE_URL to a reachable redis://HOST:PORT/DB"
            )
        return (
            f"cannot open the queue in {where(settings)} ({reason}): make the directory "
            "writable or set BASTION_DATA_DIR"
        )
    return queue


def _http_protocol(limit: int) -> Any:
    """httptools with a cap on the request head; h11 (capped by uvicorn) without it."""
    try:
        from bot.server.protocol import bounded_httptools
    except ImportError:
        return "h11"
    return bounded_httptools(limit)


def serve(args: argparse.Namespace) -> int:
    prepared = _prepare(args, need_secret=True)
    if isinstance(prepared, int):
        return prepared
    settings = prepared
    metrics_dir = None
    if args.workers > 0 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Before anything imports prometheus_client: every process (this one and the
        # workers, which inherit it) then writes its samples where /metrics sums them.
        metrics_dir = tempfile.mkdtemp(prefix="bastion-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    try:
        return _serve(args, settings)
    finally:
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    queue = open_reachable_queue(settings)
    if isinstance(queue, str):
        return _error(queue)
    import uvicorn

    from bot.server.app import MAX_HEADER_BYTES, create_app
    from bot.server.supervisor import WorkerPool

    pool = WorkerPool(args.workers, args.threads) if args.workers > 0 else None
    config = uvicorn.Config(
        create_app(settings, queue, workers=pool),
        host=args.host,
        port=args.port,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=10,
        http=_http_protocol(MAX_HEADER_BYTES),
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
    log.info(
        "serving",
        extra={
            "host": args.host,
            "port": args.port,
            "worker_processes": args.workers,
            "threads": args.threads,
            "queue": where(settings),
        },
    )
    # uvicorn re-raises SIGTERM once it has drained; turning it into SystemExit lets the
    # worker processes below finish their jobs instead of being orphaned mid-review.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    server = uvicorn.Server(config)
    if pool is not None:
        pool.start()
    # Everything imported and built so far lives as long as the process: moving it out of
    # the collector's reach keeps full collections (tens of ms each, paid by whichever
    # request triggers them) down to the objects requests create.
    gc.collect()
    gc.freeze()
    # Each young collection walks every request in flight; at the default 700 it ran
    # every few requests. Cycles are rare here: collecting ten times less often leaves
    # little garbage waiting.
    gc.set_threshold(7000, 10, 10)
    try:
        server.run()
    finally:
        if pool is not None:
            pool.stop()
        queue.close()
    return 0


def worker(args: argparse.Namespace) -> int:
    prepared = _prepare(args, need_secret=False)
    if isinstance(prepared, int):
        return prepared
    settings = prepared
    from bot.server.worker import Worker, WorkerOptions

    queue = open_reachable_queue(settings)
    if isinstance(queue, str):
        return _error(queue)
    if args.parent_pid is not None:
        # A worker of `bastion serve` yields the CPU to the receiver beside it: a webhook
        # must be answered within GitHub's 10 s, a review can wait a moment.
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)
    threads = args.threads if args.threads is not None else max(args.workers, 1)
    options = WorkerOptions(
        threads=threads, parent_pid=args.parent_pid, heartbeat_path=args.heartbeat_file
    )
    runner = Worker(queue, settings, options=options)
    probes = None
    if args.metrics_port is not None:
        from bot.server.probes import ProbeServer

        def ready() -> tuple[bool, str]:
            try:
                queue.ping()
            except Exception as exc:  # noqa: BLE001 - any failure means not ready
                return False, f"queue not reachable ({type(exc).__name__})"
            return True, "ok"

        def counts() -> dict[str, int] | None:
            try:
                return queue.ledger.counts()
            except Exception:  # noqa: BLE001 - metrics must still answer
                return None

        try:
            probes = ProbeServer(args.metrics_host, args.metrics_port, runner.health, ready, counts)
        except OSError as exc:
            return _error(f"--metrics-port {args.metrics_port}: {exc.strerror or exc}")

    def stop(signum: int, frame: FrameType | None) -> None:
        runner.stop(timeout=0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    runner.start()
    if probes is not None:
        probes.start()
    runner.wait()
    runner.stop()
    if probes is not None:
        probes.stop()
    queue.close()
    return 0


def _when(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))


def jobs(args: argparse.Namespace) -> int:
    loaded = _settings()
    if isinstance(loaded, str):
        return _error(loaded)
    from bot.server.store import open_ledger

    try:
        ledger = open_ledger(loaded.queue_url, loaded.data_dir)
        records = ledger.jobs(("dead",) if args.failed else None)
    except Exception as exc:  # noqa: BLE001 - one line naming the store, no traceback
        reason = redact(f"{type(exc).__name__}: {exc}")
        return _error(f"cannot read the job ledger at {where(loaded)} ({reason})")
    _protect(loaded)  # an error text quoting a URL or token is masked like a log line
    if not records:
        print("no failed jobs" if args.failed else "no jobs")
        return 0
    for rec in records:
        sha = (rec.head_sha or "-")[:7]
        line = (
            f"{rec.id[:12]}  {rec.state:<10} {_when(rec.updated_at)}  attempts={rec.attempts}  "
            f"{rec.repo}#{rec.pr}@{sha} {rec.trigger}  delivery={rec.delivery_id}"
        )
        if rec.error and (args.failed or rec.state in ("dead", "queued")):
            line += f"\n    error: {rec.error}"
        print(redact(line))
    return 0
