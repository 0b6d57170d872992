"""`bastion serve`, `bastion worker`, `bastion jobs`."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import signal
import sys
import time
from types import FrameType

from bot.server.logs import configure_logging, register_secrets
from bot.settings import Settings, SettingsError, load_settings

log = logging.getLogger("bastion.serve")

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
    _protect(loaded)
    configure_logging()
    return loaded


def serve(args: argparse.Namespace) -> int:
    prepared = _prepare(args, need_secret=True)
    if isinstance(prepared, int):
        return prepared
    settings = prepared
    import uvicorn

    from bot.server.app import create_app
    from bot.server.queue import open_queue
    from bot.server.worker import Worker, WorkerOptions

    queue = open_queue(settings.queue_url, settings.data_dir)
    worker = None
    if args.workers > 0:
        worker = Worker(queue, settings, options=WorkerOptions(threads=args.workers))
        worker.start()
    config = uvicorn.Config(
        create_app(settings, queue),
        host=args.host,
        port=args.port,
        log_config=None,
        access_log=False,
        timeout_graceful_shutdown=10,
    )
    log.info("serving", extra={"host": args.host, "port": args.port, "workers": args.workers})
    # uvicorn re-raises SIGTERM once it has drained; turning it into SystemExit lets the
    # workers below finish their jobs instead of the process dying mid-review.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    server = uvicorn.Server(config)
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
        if worker is not None:
            worker.stop()
        queue.close()
    return 0


def worker(args: argparse.Namespace) -> int:
    prepared = _prepare(args, need_secret=False)
    if isinstance(prepared, int):
        return prepared
    settings = prepared
    from bot.server.queue import open_queue
    from bot.server.worker import Worker, WorkerOptions

    queue = open_queue(settings.queue_url, settings.data_dir)
    runner = Worker(queue, settings, options=WorkerOptions(threads=max(args.workers, 1)))

    def stop(signum: int, frame: FrameType | None) -> None:
        runner.stop(timeout=0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    runner.start()
    runner.wait()
    runner.stop()
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
        return _error(f"cannot read the job ledger ({loaded.queue_url or loaded.data_dir}): {exc}")
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
        print(line)
    return 0
