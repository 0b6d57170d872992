"""Load test of the webhook receiver: N signed deliveries from 32 connections.

Runs `bastion serve` (as a subprocess, with a fresh data dir) and, in the same run, a
bare FastAPI endpoint that only reads the body and answers 202: the floor of this
machine for uvicorn + FastAPI. Both are served by the same uvicorn with the same
settings (`loop` and `http` on "auto": uvloop and httptools when installed, asyncio
and h11 otherwise), and the report names what was used. Reports throughput, p50/p99
latency and the server's CPU time per request for both, and their ratio, then checks
through the ledger and the queue that every accepted delivery became exactly one job
and one queue message. Traffic goes to 127.0.0.1 only.

    .venv/bin/python bench/load_webhooks.py [-n 2000] [-c 32] [--clients 4] [--runs 3]

The client is several processes (`--clients`), the 32 connections split between them:
one Python process with 32 threads cannot send fast enough for a floor served by
uvloop + httptools, and would make the floor look slower than it is. Each run starts
fresh servers, the floor first; with `--runs` > 1 the medians are reported too.
A few warm-up deliveries (`--warmup`) go to each server before the clock starts.

`--workers 0` (the default) measures the receiver alone: jobs stay queued, which is
what the ledger check needs.

`--reviews` measures the receiver while its worker processes review at full speed
(`--workers`, default 2 with `--reviews`): the GitHub fake of the tests serves every
delivery's PR (a typical ~300-line, seven-file diff), so each accepted delivery is a
real review through the pipeline, posted to the fake. The ledger check then asks for
one job per accepted delivery (messages are being consumed), and the report gives
the reviews posted while the clock ran. The floor is measured alone, as before.

    .venv/bin/python bench/load_webhooks.py --reviews --runs 3
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import importlib.util
import json
import math
import multiprocessing as mp
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
REPO = "Codertocat/Hello-World"  # the fixture payload's repository

Item = tuple[str, bytes, dict[str, str]]


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

    # the settings `bastion serve` gives uvicorn, less what only matters there
    uvicorn.run(floor_app(), host=HOST, port=port, log_config=None, access_log=False)


def server_stack() -> str:
    """What uvicorn's "auto" picks here, for both servers."""
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    http_impl = "httptools" if importlib.util.find_spec("httptools") else "h11"
    return f"{loop} + {http_impl}"


def deliveries(n: int, first: int = 0, installation: bool = True) -> list[Item]:
    """Distinct PRs and head SHAs, so every delivery is its own job."""
    base = json.loads(PAYLOAD.read_text())
    if not installation:  # reviews use the token: no App JWT, no per-installation cap
        base.pop("installation", None)
    out = []
    for i in range(first, first + n):
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


def blast(port: int, items: list[Item], concurrency: int, start: Any = None) -> dict[str, Any]:
    """`concurrency` keep-alive connections, one thread each (httpx's async pool was
    itself the bottleneck here, at a tenth of what the server can take). `start`, a
    barrier shared with the other client processes, makes them begin together."""
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
    if start is not None:
        start.wait()
    cpu0 = time.process_time()
    ready.wait()
    began = time.monotonic()  # one clock for every process: CLOCK_MONOTONIC
    for t in threads:
        t.join()
    ended = time.monotonic()
    return {
        "latencies": latencies,
        "statuses": statuses,
        "accepted": accepted,
        "began": began,
        "ended": ended,
        "client_cpu_s": time.process_time() - cpu0,
    }


def _client_process(port: int, items: list[Item], concurrency: int, start: Any, out: Any) -> None:
    out.put(blast(port, items, concurrency, start))


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest rank: the smallest value that `pct` percent of the values do not exceed."""
    rank = max(math.ceil(len(sorted_values) * pct / 100), 1)
    return sorted_values[rank - 1]


def load(port: int, items: list[Item], concurrency: int, clients: int) -> dict[str, Any]:
    """Every item once, from `clients` processes sharing `concurrency` connections."""
    if clients <= 1:
        parts = [blast(port, items, concurrency)]
    else:
        ctx = mp.get_context("fork")
        start = ctx.Barrier(clients)
        out = ctx.Queue()
        procs = [
            ctx.Process(
                target=_client_process,
                args=(port, items[i::clients], len(range(i, concurrency, clients)), start, out),
            )
            for i in range(clients)
        ]
        for proc in procs:
            proc.start()
        parts = [out.get() for _ in procs]
        for proc in procs:
            proc.join()
    latencies = sorted(lat for part in parts for lat in part["latencies"])
    elapsed = max(p["ended"] for p in parts) - min(p["began"] for p in parts)
    statuses: dict[int, int] = {}
    for part in parts:
        for code, count in part["statuses"].items():
            statuses[code] = statuses.get(code, 0) + count
    return {
        "requests": len(latencies),
        "seconds": round(elapsed, 3),
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p99_ms": round(percentile(latencies, 99) * 1000, 2),
        "client_cpu_s": round(sum(p["client_cpu_s"] for p in parts), 2),
        "statuses": statuses,
        "accepted": [d for part in parts for d in part["accepted"]],
    }


def review_fake(items: list[Item]) -> Any:
    """The tests' GitHub fake on 127.0.0.1, holding every delivery's PR."""
    sys.path.insert(0, str(ROOT / "tests"))
    from github_fake import DEFAULT_TOKEN, install_pr, start_fake, typical_files

    fake = start_fake()
    fake.default_token = DEFAULT_TOKEN
    base, head = typical_files(unsafe={"app/api/orders.py": (50,)})
    for _, body, _ in items:
        pr = json.loads(body)["pull_request"]
        install_pr(fake, REPO, pr["number"], base, head, head_sha=pr["head"]["sha"])
    return fake


def posted_reviews(fake: Any) -> int:
    return sum(len(v) for v in fake.reviews.values()) if fake is not None else 0


def check_ledger(data_dir: Path, accepted: list[str], consumed: bool = False) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from huey import SqliteHuey

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
    messages = SqliteHuey("bastion", filename=str(data_dir / "queue.db")).pending_count()
    return {
        "jobs_in_ledger": len(jobs),
        "queue_messages": messages,
        "accepted": len(accepted),
        "missing": len(missing),
        "doubled": len(doubled),
        "unexpected": len(unexpected),
        "ok": not missing
        and not doubled
        and not unexpected
        and len(jobs) == len(accepted)
        and (consumed or messages == len(accepted)),
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


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux); None where /proc is missing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(
    args: argparse.Namespace, items: list[Item], warmup: list[Item], fake: Any = None
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bastion-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "BASTION_"))},
            "GITHUB_WEBHOOK_SECRET": SECRET,
            "GITHUB_TOKEN": fake.default_token if fake is not None else "bench-token-never-used",
            # without --reviews nothing listens there: no call may leave
            "GITHUB_API_URL": fake.url if fake is not None else f"http://{HOST}:9",
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
        accepted: list[str] = []
        for name, template in targets.items():
            port = free_port()
            proc = start([part.replace("{port}", str(port)) for part in template], env)
            try:
                wait_up(port)
                warm = load(port, warmup, min(args.concurrency, len(warmup)), 1) if warmup else {}
                if name == "bastion" and fake is not None:
                    # the clock starts once the worker processes are up and reviewing
                    deadline = time.monotonic() + 120
                    while posted_reviews(fake) == 0 and time.monotonic() < deadline:
                        time.sleep(0.1)
                reviews0 = posted_reviews(fake)
                cpu0 = cpu_seconds(proc.pid)
                result[name] = load(port, items, args.concurrency, args.clients)
                cpu1 = cpu_seconds(proc.pid)
                if name == "bastion" and fake is not None:
                    result[name]["reviews_posted_meanwhile"] = posted_reviews(fake) - reviews0
            finally:
                stop(proc)
            if cpu0 is not None and cpu1 is not None:
                per_request = (cpu1 - cpu0) / result[name]["requests"]
                result[name]["server_cpu_ms_per_request"] = round(per_request * 1000, 3)
            if name == "bastion":
                accepted = warm.get("accepted", []) + result[name]["accepted"]
            result[name].pop("accepted")
        result["ledger"] = check_ledger(data_dir, accepted, consumed=args.workers > 0)
    result["throughput_ratio"] = round(
        result["bastion"]["throughput_rps"] / result["floor"]["throughput_rps"], 3
    )
    return result


def _print_run(run: dict[str, Any], label: str) -> None:
    print(label)
    print(f"  {'target':<9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/req':>12}  statuses")
    for name in ("floor", "bastion"):
        r = run[name]
        cpu = r.get("server_cpu_ms_per_request", "-")
        print(
            f"  {name:<9}{r['throughput_rps']:>9}{r['p50_ms']:>9}{r['p99_ms']:>9}{cpu:>12}"
            f"  {r['statuses']}"
        )
    print(f"  throughput ratio bastion/floor: {run['throughput_ratio']}")
    if "reviews_posted_meanwhile" in run["bastion"]:
        print(f"  reviews posted while the clock ran: {run['bastion']['reviews_posted_meanwhile']}")
    print(f"  ledger: {run['ledger']}")


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    def med(name: str, key: str) -> float:
        return round(statistics.median(r[name][key] for r in runs), 2)

    keys = (
        "throughput_rps",
        "p50_ms",
        "p99_ms",
        "server_cpu_ms_per_request",
        "reviews_posted_meanwhile",
    )
    out: dict[str, Any] = {
        name: {k: med(name, k) for k in keys if all(k in r[name] for r in runs)}
        for name in ("floor", "bastion")
    }
    out["throughput_ratio"] = round(statistics.median(r["throughput_ratio"] for r in runs), 3)
    out["ledger_ok"] = all(r["ledger"]["ok"] for r in runs)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="deliveries per target")
    parser.add_argument("-c", "--concurrency", type=int, default=32)
    parser.add_argument("--clients", type=int, default=4, help="client processes")
    parser.add_argument("--runs", type=int, default=1, help="runs; medians reported")
    parser.add_argument("--warmup", type=int, default=100, help="unmeasured deliveries first")
    parser.add_argument(
        "--workers", type=int, help="worker processes of serve (0; 2 with --reviews)"
    )
    parser.add_argument(
        "--reviews", action="store_true", help="worker processes review every delivery meanwhile"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--floor-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_server:
        serve_floor(args.floor_server)
        return 0

    if args.workers is None:
        args.workers = 2 if args.reviews else 0
    items = deliveries(args.n, installation=not args.reviews)
    warmup = deliveries(args.warmup, first=args.n, installation=not args.reviews)
    runs = []
    for _ in range(max(args.runs, 1)):
        # a fresh fake each run: one that already holds a PR's review posts nothing new
        fake = review_fake(items + warmup) if args.reviews else None
        try:
            runs.append(one_run(args, items, warmup, fake))
        finally:
            if fake is not None:
                fake.stop()
    results: dict[str, Any] = {
        "n": args.n,
        "concurrency": args.concurrency,
        "clients": args.clients,
        "cpus": os.cpu_count(),
        "server": server_stack(),
        "workers": args.workers,
        "reviews": args.reviews,
        "runs": runs,
        "median": summarize(runs),
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(
            f"{args.n} signed deliveries, {args.concurrency} connections from {args.clients} "
            f"client processes, {os.cpu_count()} CPUs, server: uvicorn on {results['server']}, "
            f"{args.workers} worker processes"
            + (" reviewing every delivery" if args.reviews else "")
        )
        for i, run in enumerate(runs, 1):
            _print_run(run, f"run {i}")
        if len(runs) > 1:
            med = results["median"]
            print(f"median of {len(runs)} runs")
            for name in ("floor", "bastion"):
                print(f"  {name:<9}{med[name]}")
            print(f"  throughput ratio bastion/floor: {med['throughput_ratio']}")
    return 0 if all(r["ledger"]["ok"] for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
