"""Per-client rate limiting of full-text search (the API's and the page's), as a pure ASGI middleware.

Search is the one request whose cost a client chooses, so it is the one limited: past the
limit a client gets 429 with ``Retry-After`` (JSON under /api; elsewhere the page the
application gives, in the reader's language, or a short English one) and
costs the server a dictionary look-up.  The client is the connection's address: headers
such as X-Forwarded-For are not trusted, since any client can send them.  The limit is
``app.state.settings.search_rate`` in the ``limits`` notation ("30/second;300/minute"), or None
for none; counts are kept in memory (one worker).
"""

from __future__ import annotations

import json
import math
import time

from limits import parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from typing import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

SEARCH_PATHS = ("/search", "/api/search")


# (scope, seconds to wait, the limit) -> (the HTML page, its language)
PageMaker = Callable[[Scope, int, str], tuple[bytes, str]]


class SearchRateLimit:
    def __init__(self, app: ASGIApp, page: PageMaker | None = None) -> None:
        self.app = app
        self.page = page
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._rate: str | None = None
        self._items: list = []

    def _limits(self, rate: str | None) -> list:
        if rate != self._rate:
            self._items, self._rate = (parse_many(rate) if rate else []), rate
        return self._items

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in SEARCH_PATHS:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        for item in self._limits(scope["app"].state.settings.search_rate):
            if not self._limiter.hit(item, "search", client):
                reset = self._limiter.get_window_stats(item, "search", client).reset_time
                await _too_many(scope, send, max(1, math.ceil(reset - time.time())), str(item), self.page)
                return
        await self.app(scope, receive, send)


async def _too_many(scope: Scope, send: Send, retry_after: int, limit: str, page: PageMaker | None) -> None:
    message = f"too many searches from this client: the limit is {limit}; retry in {retry_after} s"
    headers = [(b"retry-after", str(retry_after).encode())]
    if scope["path"].startswith("/api/"):
        body, kind = json.dumps({"error": message}).encode(), b"application/json"
    elif page is not None:
        body, language = page(scope, retry_after, limit)
        kind = b"text/html; charset=utf-8"
        headers += [(b"content-language", language.encode()), (b"vary", b"Accept-Language")]
    else:
        body, kind = f"<!doctype html><title>Too many searches</title><p>{message.capitalize()}.</p>".encode(), b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})
