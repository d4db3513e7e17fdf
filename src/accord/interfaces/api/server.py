"""The uvicorn server for the app, with a timeout for slow request headers.

uvicorn closes an idle keep-alive connection, but a client that opens a connection and
sends its request line and headers a byte at a time holds it (and a slot of the server's
connection budget) for as long as it likes.  The protocol here closes a connection whose
request headers are not complete ``header_timeout`` seconds after it opened, or after its
previous response; a request whose headers are complete is never cut off.
"""

from __future__ import annotations

import asyncio

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
    """One worker (the store has one writer), slow headers cut off, running searches given a short grace at shutdown."""
    options.setdefault("timeout_graceful_shutdown", 10)
    return uvicorn.Config(app, host=host, port=port, workers=1, http=protocol_with_header_timeout(header_timeout), **options)
