"""uvicorn's httptools protocol with a cap on the bytes of a request head.

llhttp has no header size limit of its own, so the head of a request (request line and
headers) would be buffered whole however large, before the app's own check could
answer 431. Here the bytes received while a head is incomplete are counted, and past
the limit the connection gets a 431 and is closed: at most one read more than the limit
is ever held.
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


def bounded_httptools(limit: int) -> type[HttpToolsProtocol]:
    class BoundedHttpTools(HttpToolsProtocol):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._in_head = True  # between a message's start and its headers' end
            self._head_bytes = 0
            self._ends = 0  # heads or messages completed by the read being parsed

        def data_received(self, data: bytes) -> None:
            self._ends = 0
            super().data_received(data)
            if self._ends:  # this read ended a head or a message: what follows counts afresh
                self._head_bytes = 0
            elif self._in_head:
                self._head_bytes += len(data)
                if self._head_bytes > limit and not self.transport.is_closing():
                    self._refuse()

        def on_headers_complete(self) -> None:
            self._in_head = False
            self._ends += 1
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self._in_head = True
            self._ends += 1

        def _refuse(self) -> None:
            msg = f'{{"status":"error","detail":"request headers larger than {limit // 1024} KiB"}}'
            self.transport.write(
                b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
                b"content-type: application/json\r\n"
                b"content-length: " + str(len(msg)).encode() + b"\r\n"
                b"connection: close\r\n\r\n" + msg.encode()
            )
            self.transport.close()

    return BoundedHttpTools
