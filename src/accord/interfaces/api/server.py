"""The uvicorn server for the app, with a timeout for slow request headers, in one process or several.

uvicorn closes an idle keep-alive connection, but a client that opens a connection and
sends its request line and headers a byte at a time holds it (and a slot of the server's
connection budget) for as long as it likes.  The protocol here closes a connection whose
request headers are not complete ``header_timeout`` seconds after it opened, or after its
previous response; a request whose headers are complete is never cut off.
"""

from __future__ import annotations

import asyncio
import os
import signal

import uvicorn
from uvicorn.protocols.http.auto import AutoHTTPProtocol

DEFAULT_HEADER_TIMEOUT = 10.0


class _HeaderTimeout:
    """Mixed into uvicorn's HTTP protocol (httptools or h11): both start a new ``cycle`` when a
    request's headers are complete."""

    header_timeout = DEFAULT_HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._timer: asyncio.TimerHandle | None = None
        self._arm()

    def _arm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._waiting_after = self.cycle  # type: ignore[attr-defined]
        self._timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)  # type: ignore[attr-defined]

    def _headers_too_slow(self) -> None:
        self._timer = None
        if self.cycle is self._waiting_after and not self.transport.is_closing():  # type: ignore[attr-defined]
            self.transport.close()  # type: ignore[attr-defined]

    def data_received(self, data: bytes) -> None:
        super().data_received(data)  # type: ignore[misc]
        if self._timer is not None and self.cycle is not self._waiting_after:  # type: ignore[attr-defined]
            self._timer.cancel()
            self._timer = None

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        if not self.transport.is_closing():  # type: ignore[attr-defined]
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        super().connection_lost(exc)  # type: ignore[misc]


def protocol_with_header_timeout(seconds: float = DEFAULT_HEADER_TIMEOUT) -> type[asyncio.Protocol]:
    return type("HeaderTimeoutProtocol", (_HeaderTimeout, AutoHTTPProtocol), {"header_timeout": seconds})


def server_config(app, *, host: str = "127.0.0.1", port: int = 8000, header_timeout: float = DEFAULT_HEADER_TIMEOUT,
                  **options) -> uvicorn.Config:
    """uvicorn's settings for one process (:func:`run` forks more), slow headers cut off, running searches given
    a short grace at shutdown."""
    options.setdefault("timeout_graceful_shutdown", 10)
    return uvicorn.Config(app, host=host, port=port, workers=1, http=protocol_with_header_timeout(header_timeout), **options)


def run(config: uvicorn.Config, workers: int = 1) -> None:
    """Serve ``config``; with ``workers`` > 1, in that many processes sharing one listening socket.

    The processes are forked from this one after the application is built (catalog loaded), so they
    start at once and share its memory until they write to it.  Each has its own event loop, threads
    and store connections: the store is SQLite in WAL mode, whose readers never wait and whose writers
    take the write lock per document, so processes are as safe with it as separate ingests are.
    What each process keeps in memory stays its own: the answer cache, and the search rate limit's
    counts, so a client may make up to ``workers`` times the searches the limit allows.
    The workers end with this process: it passes SIGTERM and SIGINT on, and the kernel kills a
    worker whose parent is gone (on Linux)."""
    if workers <= 1:
        uvicorn.Server(config).run()
        return
    from accord.services.ingest import die_with_parent

    parent = os.getpid()
    listening = config.bind_socket()
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # a worker
            code = 0
            try:
                die_with_parent(parent)
                uvicorn.Server(config).run(sockets=[listening])
            except BaseException:  # noqa: BLE001 - a worker must never return into the parent's code
                code = 1
            finally:
                os._exit(code)
        children.append(pid)
    listening.close()

    def pass_on(signum: int, frame: object) -> None:
        for child in children:
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass

    previous = {sig: signal.signal(sig, pass_on) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        for child in children:
            os.waitpid(child, 0)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
