"""A bounded cache of whole GET answers, kept until the store, the catalog or the day changes.

Every answer the server gives reads nothing but the request, the catalog, the day the server
takes as today and the store, and the store changes only when something is ingested or judged
again.  The store keeps a *write version* that every such change moves (``meta.write_version``,
kept by its triggers, so an ingest by another process counts too); the cache reads it on each
request (one indexed row, on a read-only connection of its own) and forgets everything when it, the
catalog's version or the day differs from what its answers were made with.  So a repeated request
costs a dictionary look-up instead of a page render or a store read, and an answer is never older
than the last write.

Kept: 200 answers to GET requests without credentials, least recently used first out when the
bytes are over ``max_bytes``.  An answer up to ``HOLD_BYTES`` (and a quarter of the cache) is held
whole and kept as it is.  A larger one, a download of a whole list, goes out as it is made, gzip-coded
to a client that accepts gzip, and is kept compressed if that fits in ``max_bytes // ENTRY_SHARE``:
later it goes to such a client as kept, and to others inflated as it is sent.  Each kept answer
carries an ``ETag`` (a digest of its body; each coding its own) and a request whose
``If-None-Match`` names it gets a 304 with no body; one with ``Range`` gets that part of it (see
:mod:`accord.interfaces.byte_range`), to resume a broken download.  A request for an answer that another request
is making waits for it rather than make it again, until it is kept or known not to be: after a
write, a crowd asking for the same download costs one computation.  The key is the path,
the query and the headers an answer may depend on (``Accept`` for CSV, ``Accept-Language`` for the
pages' language).  ``max_bytes = 0`` turns it off (``accord serve --response-cache-mb 0``).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import OrderedDict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Callable, Hashable

from anyio import Event
from anyio.lowlevel import checkpoint
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from accord.interfaces import byte_range
from accord.interfaces.gzip_coding import Compressor, accepts_gzip, inflated

ENTRY_SHARE = 4  # the largest answer kept is this fraction of the whole cache
SEND_SLICE = 256 * 1024  # a large kept answer goes out in slices, each written once the last has drained
HOLD_BYTES = 1 << 20  # an answer up to this is held, then kept as it is; a larger one streams out and is kept compressed
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
    """A kept answer: its headers and body, the body gzip-compressed when ``gzip`` is set (then
    ``length`` is the content's own length, and each coding has its own ETag)."""

    __slots__ = ("headers", "body", "etag", "gzip", "length")

    def __init__(self, headers: list[tuple[bytes, bytes]], body: bytes, *, gzip: bool = False, length: int | None = None):
        digest = hashlib.blake2b(body, digest_size=16).hexdigest().encode()
        self.etag = b'"' + digest + (b'-gzip"' if gzip else b'"')
        # a streamed answer came without its length; kept whole, it is sent with it
        self.headers = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"transfer-encoding")]
        self.body, self.gzip = body, gzip
        self.length = len(body) if length is None else length

    @property
    def identity_etag(self) -> bytes:
        return self.etag.replace(b'-gzip"', b'"')

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 64


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
        # answers being made, by key: requests for one of them wait for it (made with that version)
        # rather than make it again, as a crowd would after every write
        self._computing: dict[Hashable, tuple[Hashable, Event]] = {}
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
        computing = self._computing.get(key)
        if computing is not None and computing[0] == made_with:
            await computing[1].wait()  # the same answer is being made: one computation serves both
        answer = self._answers.get(key) if made_with == self._made_with else None
        if answer is not None:
            self._answers.move_to_end(key)
            self.hits += 1
            await self._replay(scope, answer, send)
            return
        self.misses += 1
        done = Event()
        self._computing[key] = (made_with, done)
        try:
            await self._compute(app, scope, receive, send, key, made_with, settled=done.set)
        finally:
            done.set()
            # requests released early (an answer that will not be kept) make theirs at the same time,
            # each under the key in turn: only the latest one's entry is still there to take out
            if self._computing.get(key) == (made_with, done):
                del self._computing[key]

    async def _replay(self, scope: Scope, answer: _Answer, send: Send) -> None:
        headers = dict(scope["headers"])
        as_kept = not answer.gzip or accepts_gzip(headers.get(b"accept-encoding"))
        etag = answer.etag if as_kept else answer.identity_etag
        asked = headers.get(b"if-none-match")
        if asked is not None and etag in (tag.strip() for tag in asked.split(b",")):
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
            await send({"type": "http.response.body", "body": b""})
            return
        coding = [(b"vary", b"Accept-Encoding")] if answer.gzip else []
        if as_kept and answer.gzip:
            coding.append((b"content-encoding", b"gzip"))
        length = len(answer.body) if as_kept else answer.length
        try:
            part = byte_range.requested(headers.get(b"range"), headers.get(b"if-range"), etag, length)
        except byte_range.Unsatisfiable:
            await send({"type": "http.response.start", "status": 416,
                        "headers": [(b"content-range", f"bytes */{length}".encode()), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        start, end = part or (0, length)
        status, extra = (206, [(b"content-range", f"bytes {start}-{end - 1}/{length}".encode())]) if part else (200, [])
        await send({"type": "http.response.start", "status": status,
                    "headers": [*answer.headers, *coding, *extra, (b"accept-ranges", b"bytes"),
                                (b"content-length", str(end - start).encode()), (b"etag", etag)]})
        if as_kept and end - start <= SEND_SLICE:
            await send({"type": "http.response.body", "body": answer.body[start:end] if part else answer.body})
            return
        # a large body goes a slice at a time, each written once the last has drained (the sockets
        # never hold a second copy of it), and other requests get their turn between slices: a fast
        # reader would otherwise take the event loop for the whole body
        chunks = _slices(answer.body, start, end) if as_kept else _window(inflated(answer.body), start, end)
        async for chunk in chunks:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await checkpoint()
        await send({"type": "http.response.body", "body": b""})

    async def _compute(self, app: ASGIApp, scope: Scope, receive: Receive, send: Send, key: Hashable, made_with: Hashable,
                       settled: Callable[[], None]) -> None:
        """Make the answer, send it, keep it if it may be kept; ``settled`` is called as soon as it is
        kept or known not to be, when the requests waiting for it may go (to it, or to make their own)."""
        limit = self.max_bytes // ENTRY_SHARE
        hold = min(limit, HOLD_BYTES)
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        keeping = True
        tee: _CompressingTee | None = None

        async def capture(message: Message) -> None:
            nonlocal start, size, keeping, tee
            if tee is not None:
                await tee.body(message)
                return
            if not keeping:
                await send(message)
                return
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                names = {name.lower() for name, _ in headers}
                no_store = any(name.lower() == b"cache-control" and b"no-store" in value.lower() for name, value in headers)
                if message["status"] != 200 or b"set-cookie" in names or no_store:
                    keeping = False
                    settled()
                    await send(message)
                    return
                start = message
                return
            body = message.get("body", b"")
            chunks.append(body)
            size += len(body)
            more = message.get("more_body", False)
            if size > hold:  # large: it goes out as it comes, and is kept compressed if that fits
                held, chunks[:] = b"".join(chunks), []
                if any(name.lower() == b"content-encoding" for name, _ in start.get("headers", [])):
                    keeping = False  # already coded by the application: sent as it is, not kept
                    settled()
                    await send(start)
                    await send({"type": "http.response.body", "body": held, "more_body": more})
                    return
                tee = _CompressingTee(scope, send, start, limit, keep, settled)
                await capture({"type": "http.response.body", "body": held, "more_body": more})
                return
            if not more:
                answer = _Answer(list(start.get("headers", [])), b"".join(chunks))
                keep(answer)
                await self._replay(scope, answer, send)

        def keep(answer: _Answer) -> None:
            if self._made_with == made_with:  # not kept if the store moved while it was computed
                self._keep(key, answer)
            settled()

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


async def _slices(body: bytes, start: int, end: int) -> AsyncIterator[bytes]:
    for at in range(start, end, SEND_SLICE):
        yield body[at:min(end, at + SEND_SLICE)]


async def _window(chunks: AsyncIterator[bytes], start: int, end: int) -> AsyncIterator[bytes]:
    """Bytes ``[start, end)`` of a stream of chunks (a range of an answer inflated as it is sent)."""
    at = 0
    async for chunk in chunks:
        piece = chunk[max(0, start - at):max(0, end - at)]
        at += len(chunk)
        if piece:
            yield piece
        if at >= end:
            return


class _CompressingTee:
    """A large answer on its way out: sent gzip-coded to a client that accepts it, as it is to
    others, and compressed into a copy handed to ``keep`` before its last bytes go (so a request
    sent once they have arrived finds it), if the copy stayed within ``limit``."""

    def __init__(self, scope: Scope, send: Send, start: Message, limit: int, keep: Callable[[_Answer], None],
                 unkept: Callable[[], None]):
        self.send, self.start, self.limit, self.keep, self.unkept = send, start, limit, keep, unkept
        self.coded = accepts_gzip(dict(scope["headers"]).get(b"accept-encoding"))
        self.compressor = Compressor()
        self.kept: list[bytes] | None = []
        self.kept_bytes = self.length = 0
        self.started = False

    async def body(self, message: Message) -> None:
        """Pass one body message on (the first with the head, its length now unknown)."""
        if not self.started:
            headers = [(k, v) for k, v in self.start.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"vary", b"Accept-Encoding"))
            if self.coded:
                headers.append((b"content-encoding", b"gzip"))
            await self.send({**self.start, "headers": headers})
            self.started = True
        data, more = message.get("body", b""), message.get("more_body", False)
        self.length += len(data)
        if self.coded or self.kept is not None:
            packed = await self.compressor.compress(data) if data else b""
            if not more:
                packed += self.compressor.finish()
            if self.kept is not None:
                self.kept.append(packed)
                self.kept_bytes += len(packed)
                if self.kept_bytes > self.limit:
                    self.kept = None
                    self.unkept()
            data = packed if self.coded else data
        if not more and self.kept is not None:
            self.keep(_Answer(list(self.start.get("headers", [])), b"".join(self.kept), gzip=True, length=self.length))
        await self.send({"type": "http.response.body", "body": data, "more_body": more})


class ServeCached:
    """ASGI middleware answering from a :class:`ResponseCache` where it can."""

    def __init__(self, app: ASGIApp, cache: ResponseCache):
        self.app, self.cache = app, cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.cache.serve(self.app, scope, receive, send)
