"""`bastion worker --metrics-port`: `/healthz`, `/readyz` and `/metrics` for a worker.

A worker serves no webhooks, so it has no web app; the standard library's threaded
HTTP server is enough for a probe every few seconds and a scrape every few more. It
runs on its own thread: a probe that cannot get an answer means the process is stuck,
which is what a liveness probe is for.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.server import metrics

log = logging.getLogger("bastion.probes")

Check = Callable[[], tuple[bool, str]]


def _handler(live: Check, ready: Check, counts: Callable[[], dict[str, int] | None]) -> type:
    class Probe(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                body, content_type = metrics.render(counts())
                self._send(200, body, content_type)
            elif path in ("/healthz", "/readyz"):
                ok, detail = (live if path == "/healthz" else ready)()
                status = ("ok" if path == "/healthz" else "ready") if ok else "unavailable"
                payload = json.dumps({"status": status, "detail": detail}).encode()
                self._send(200 if ok else 503, payload, "application/json")
            else:
                self._send(404, b'{"status":"error","detail":"not found"}', "application/json")

        def _send(self, code: int, body: bytes, content_type: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # a probe every few seconds is not worth a log line

    return Probe


class ProbeServer:
    def __init__(
        self,
        host: str,
        port: int,
        live: Check,
        ready: Check,
        counts: Callable[[], dict[str, int] | None],
    ) -> None:
        self.server = ThreadingHTTPServer((host, port), _handler(live, ready, counts))
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self._thread = threading.Thread(
            target=self.server.serve_forever, name="bastion-probes", daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        log.info("probes listening", extra={"port": self.port})

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
