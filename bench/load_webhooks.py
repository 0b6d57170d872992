"""Load test of the webhook receiver: N signed deliveries from 32 connections.

Runs `bastion serve` (as a subprocess, with a fresh data dir) and, in the same run, a
bare FastAPI endpoint that only reads the body and answers 202: the floor of this
machine for uvicorn + FastAPI. Reports throughput and p50/p99 latency for both and
their ratio, then checks through the ledger that every accepted delivery became
exactly one job. Traffic goes to 127.0.0.1 only.

    .venv/bin/python bench/load_webhooks.py [-n 2000] [-c 32] [--workers 0] [--json]

`--workers 0` (the default) measures the receiver alone: jobs stay queued, which is
what the ledger check needs. Embedded workers with nowhere to send reviews would only
add retries to the measurement.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = ROOT / "tests" / "fixtures" / "webhooks" / "pull_request.synchronize.payload.json"
SECRET = "bench-secret-" + uuid.uuid4().hex
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def floor_app() -> FastAPI:
    app = FastAPI()

    @app.post("/webhook")
    async def webhook(request: Request) -> JSONResponse:
        await request.body()
        return JSONResponse({"status": "queued"}, status_code=202)

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return app


def serve_floor(port: int) -> None:
    import uvicorn

    uvicorn.run(floor_app(), host=HOST, port=port, log_config=None, access_log=False)


def deliveries(n: int) -> list[tuple[str, bytes, dict[str, str]]]:
    """Distinct PRs and head SHAs, so every delivery is its own job."""
    base = json.loads(PAYLOAD.read_text())
    out = []
    for i in range(n):
        base["number"] = base["pull_request"]["number"] = 10_000 + i
        base["pull_request"]["head"]["sha"] = hashlib.sha1(str(i).encode()).hexdigest()
        body = json.dumps(base).encode()
        delivery = str(uuid.uuid4())
        sig = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        headers = {
            "Content-Type": "application/json",
            "X-GitHub-Event": "pull_request",
            "X-GitHub-Delivery": delivery,
            "X-Hub-Signature-256": sig,
            "User-Agent": "GitHub-Hookshot/bench",
        }
        out.append((delivery, body, headers))
    return out


def wait_up(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            res = httpx.get(f"http://{HOST}:{port}/healthz", timeout=2)
            if res.status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"port {port} did not come up in {timeout:.0f} s")


def blast(
    port: int, items: list[tuple[str, bytes, dict[str, str]]], concurrency: int
) -> dict[str, Any]:
    """`concurrency` keep-alive connections, one thread each (httpx's async pool was
    itself the bottleneck here, at a tenth of what the server can take)."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    accepted: list[str] = []
    todo = iter(items)
    lock = threading.Lock()
    ready = threading.Barrier(concurrency + 1)

    def one_connection() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        conn.request("GET", "/healthz")  # open and warm the connection before the clock
        conn.getresponse().read()
        ready.wait()
        while True:
            with lock:
                item = next(todo, None)
            if item is None:
                break
            delivery, body, headers = item
            t0 = time.perf_counter()
            conn.request("POST", "/webhook", body=body, headers=headers)
            res = conn.getresponse()
            res.read()
            took = time.perf_counter() - t0
            with lock:
                latencies.append(took)
                statuses[res.status] = statuses.get(res.status, 0) + 1
                if res.status == 202:
                    accepted.append(delivery)
        conn.close()

    threads = [threading.Thread(target=one_connection) for _ in range(concurrency)]
    for t in threads:
        t.start()
    ready.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "seconds": round(elapsed, 3),
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p99_ms": round(latencies[max(int(len(latencies) * 0.99) - 1, 0)] * 1000, 2),
        "statuses": statuses,
        "accepted": accepted,
    }


def check_ledger(data_dir: Path, accepted: list[str]) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from bot.server.store import SqliteLedger

    ledger = SqliteLedger(data_dir / "ledger.db")
    jobs = ledger.jobs(None, limit=len(accepted) * 2 + 10)
    per_delivery: dict[str, int] = {}
    for rec in jobs:
        per_delivery[rec.delivery_id] = per_delivery.get(rec.delivery_id, 0) + 1
    missing = [d for d in accepted if per_delivery.get(d, 0) == 0]
    doubled = [d for d, n in per_delivery.items() if n > 1]
    unexpected = set(per_delivery) - set(accepted)
    ledger.close()
    return {
        "jobs_in_ledger": len(jobs),
        "accepted": len(accepted),
        "missing": len(missing),
        "doubled": len(doubled),
        "unexpected": len(unexpected),
        "ok": not missing and not doubled and not unexpected and len(jobs) == len(accepted),
    }


def start(cmd: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="deliveries per target")
    parser.add_argument("-c", "--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=0, help="embedded workers of serve")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--floor-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_server:
        serve_floor(args.floor_server)
        return 0

    items = deliveries(args.n)
    results: dict[str, Any] = {"n": args.n, "concurrency": args.concurrency, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bastion-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "BASTION_"))},
            "GITHUB_WEBHOOK_SECRET": SECRET,
            "GITHUB_TOKEN": "bench-token-never-used",
            "GITHUB_API_URL": f"http://{HOST}:9",  # nothing listens: no call may leave
            "BASTION_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(ROOT),
        }
        targets = {
            "floor": [sys.executable, __file__, "--floor-server", "{port}"],
            "bastion": [
                sys.executable, "-m", "bot.cli", "serve",
                "--host", HOST, "--port", "{port}", "--workers", str(args.workers),
            ],
        }  # fmt: skip
        for name, template in targets.items():
            port = free_port()
            proc = start([part.replace("{port}", str(port)) for part in template], env)
            try:
                wait_up(port)
                results[name] = blast(port, items, args.concurrency)
            finally:
                stop(proc)
        results["ledger"] = check_ledger(data_dir, results["bastion"].pop("accepted"))
        results["floor"].pop("accepted")
    floor, ours = results["floor"], results["bastion"]
    results["throughput_ratio"] = round(ours["throughput_rps"] / floor["throughput_rps"], 3)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{args.n} signed deliveries, {args.concurrency} connections, {os.cpu_count()} CPUs")
        print(f"{'target':<10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}  statuses")
        for name in ("floor", "bastion"):
            r = results[name]
            print(
                f"{name:<10}{r['throughput_rps']:>10}{r['p50_ms']:>10}{r['p99_ms']:>10}"
                f"  {r['statuses']}"
            )
        print(f"throughput ratio bastion/floor: {results['throughput_ratio']}")
        print(f"ledger: {results['ledger']}")
    return 0 if results["ledger"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
