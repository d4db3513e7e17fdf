"""A bounded cache of whole GET answers, kept until the store, the catalog or the day changes.

Every answer the server gives reads nothing but the request, the catalog, the day the server
takes as today and the store, and the store changes only when something is ingested or judged
again.  The store keeps a *write version* that every such change moves (``meta.write_version``,
kept by its triggers, so an ingest by another process counts too); the cache reads it on each
request (one indexed row, on a read-only connection of its own) and forgets everything when it, the
catalog's version or the day differs from what its answers were made with.  So a repeated request
costs a dictionary look-up instead of a page render or a store read, and an answer is never older
than the last write.

Kept: 200 answers to GET requests without credentials, whole (an answer that does not fit
``max_bytes // ENTRY_SHARE`` goes out as it comes and is not kept), least recently used first out
when the bytes are over ``max_bytes``.  Each kept answer carries an ``ETag`` (a digest of its
body) and a request whose ``If-None-Match`` names it gets a 304 with no body.  The key is the path,
the query and the headers an answer may depend on (``Accept`` for CSV, ``Accept-Language`` for the
pages' language).  ``max_bytes = 0`` turns it off (``accord serve --response-cache-mb 0``).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Hashable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ENTRY_SHARE = 4  # the largest answer kept is this fraction of the whole cache
VARY = (b"accept", b"accept-language")


class StoreVersion:
    """The store's file and write version, read without creating or upgrading the file (None while it
    does not exist or has no write version yet)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._db: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None

    def __call__(self) -> tuple | None:
        try:
            stat = self.path.stat()
        except OSError:
            self.close()
            return None
        file = (stat.st_dev, stat.st_ino)
        if file != self._file:  # first use, or the file was replaced: read the new one
            self.close()
            self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._file = file
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'write_version'").fetchone()
        except sqlite3.Error:
            return None  # a store not yet created or upgraded by this accord: its first reader upgrades it
        return (file, row[0] if row else None)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db, self._file = None, None


class _Answer:
    __slots__ = ("headers", "body", "etag")

    def __init__(self, headers: list[tuple[bytes, bytes]], body: bytes):
        self.etag = b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'
        # a streamed answer came without its length; kept whole, it is sent with it
        headers = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"transfer-encoding")]
        self.headers = [*headers, (b"content-length", str(len(body)).encode()), (b"etag", self.etag)]
        self.body = body

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers)


class ResponseCache:
    """The kept answers (see the module's documentation); :class:`ServeCached` puts it in front of an
    application.  ``version`` says what the answers depend on besides the request (the store's write
    version, the catalog's, the day)."""

    def __init__(self, *, max_bytes: int, version: Callable[[], Hashable]):
        self.max_bytes = max_bytes
        self.version = version
        self._answers: OrderedDict[Hashable, _Answer] = OrderedDict()
        self._bytes = 0
        self._made_with: Hashable = None
        self.hits = self.misses = 0

    def _key(self, scope: Scope) -> Hashable | None:
        if self.max_bytes <= 0 or scope["type"] != "http" or scope["method"] != "GET":
            return None
        headers = dict(scope["headers"])
        if b"authorization" in headers:
            return None
        return (scope["path"], scope["query_string"], *(headers.get(name) for name in VARY))

    async def serve(self, app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await app(scope, receive, send)
            return
        made_with = self.version()
        if made_with != self._made_with:  # something was written, or a new day: every kept answer is stale
            self._answers.clear()
            self._bytes, self._made_with = 0, made_with
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
            self.hits += 1
            await self._replay(scope, answer, send)
            return
        self.misses += 1
        await self._compute(app, scope, receive, send, key, made_with)

    async def _replay(self, scope: Scope, answer: _Answer, send: Send) -> None:
        asked = dict(scope["headers"]).get(b"if-none-match")
        if asked is not None and answer.etag in (tag.strip() for tag in asked.split(b",")):
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", answer.etag)]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": answer.headers})
        await send({"type": "http.response.body", "body": answer.body})

    async def _compute(self, app: ASGIApp, scope: Scope, receive: Receive, send: Send, key: Hashable, made_with: Hashable) -> None:
        limit = self.max_bytes // ENTRY_SHARE
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keeping = True

        async def capture(message: Message) -> None:
            nonlocal start, size, keeping
            if not keeping:
                await send(message)
                return
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                names = {name.lower() for name, _ in headers}
                no_store = any(name.lower() == b"cache-control" and b"no-store" in value.lower() for name, value in headers)
                if message["status"] != 200 or b"set-cookie" in names or no_store:
                    keeping = False
                    await send(message)
                    return
                start = message
                return
            body = message.get("body", b"")
            chunks.append(body)
            size += len(body)
            more = message.get("more_body", False)
            if size > limit:  # too big to keep: what was held back goes out, the rest as it comes
                keeping = False
                await send(start)
                await send({"type": "http.response.body", "body": b"".join(chunks), "more_body": more})
                chunks.clear()
                return
            if not more:
                answer = _Answer(list(start.get("headers", [])), b"".join(chunks))
                if self._made_with == made_with:  # not kept if the store moved while it was computed
                    self._keep(key, answer)
                await self._replay(scope, answer, send)

        await app(scope, receive, capture)

    def _keep(self, key: Hashable, answer: _Answer) -> None:
        old = self._answers.pop(key, None)
        if old is not None:
            self._bytes -= old.size
        self._answers[key] = answer
        self._bytes += answer.size
        while self._bytes > self.max_bytes and self._answers:
            _, dropped = self._answers.popitem(last=False)
            self._bytes -= dropped.size

    def clear(self) -> None:
        """Forget every kept answer (for a change the write version cannot see: code or settings)."""
        self._answers.clear()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def bytes(self) -> int:
        return self._bytes


class ServeCached:
    """ASGI middleware answering from a :class:`ResponseCache` where it can."""

    def __init__(self, app: ASGIApp, cache: ResponseCache):
        self.app, self.cache = app, cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.cache.serve(self.app, scope, receive, send)
