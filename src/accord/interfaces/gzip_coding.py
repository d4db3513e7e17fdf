"""gzip as an HTTP content coding for large answers: who accepts it, and compressing and inflating
a body a chunk at a time off the event loop.

Exports and long lists compress about ten to one (CSV of claims: the same outlets, treaties,
verdicts and citations on every row), so a large answer is kept compressed and a client that
accepts gzip, as every browser does, gets it as kept.  zlib releases the interpreter lock while it
works, so a chunk of any size is compressed or inflated in a worker thread while the event loop
serves other requests.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

from anyio import to_thread

LEVEL = 6  # kept once, sent many times: level 6 is about twice level 1's work for a 1.6x smaller body
GZIP_WBITS = 31  # zlib's window with a gzip header and trailer
INFLATED_CHUNK = 1 << 20  # bytes of an inflated body per message
INPUT_SLICE = 128 * 1024  # compressed bytes inflated per step (about a megabyte of a typical export)
INLINE_BYTES = 64 * 1024  # smaller chunks are cheaper to compress than a trip to a worker thread


def accepts_gzip(accept_encoding: bytes | None) -> bool:
    """Whether an ``Accept-Encoding`` header value admits gzip (by name or ``*``, with q above 0)."""
    if not accept_encoding:
        return False
    for item in accept_encoding.decode("latin-1").lower().split(","):
        name, _, params = item.partition(";")
        if name.strip() not in ("gzip", "x-gzip", "*"):
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            return True
    return False


class Compressor:
    """A gzip stream written chunk by chunk."""

    def __init__(self) -> None:
        self._zlib = zlib.compressobj(LEVEL, zlib.DEFLATED, GZIP_WBITS)

    async def compress(self, data: bytes) -> bytes:
        if len(data) < INLINE_BYTES:
            return self._zlib.compress(data)
        return await to_thread.run_sync(self._zlib.compress, data)

    def finish(self) -> bytes:
        return self._zlib.flush()


async def inflated(body: bytes) -> AsyncIterator[bytes]:
    """A gzip body's content, at most :data:`INFLATED_CHUNK` bytes at a time (fed a slice at a time:
    zlib copies the input it has not yet used, so a whole body at once would be copied over and over)."""
    inflater = zlib.decompressobj(GZIP_WBITS)
    view = memoryview(body)
    for start in range(0, len(body), INPUT_SLICE):
        data: bytes | memoryview = view[start:start + INPUT_SLICE]
        while data:
            chunk = await to_thread.run_sync(inflater.decompress, data, INFLATED_CHUNK)
            data = inflater.unconsumed_tail
            if chunk:
                yield chunk
    tail = inflater.flush()
    if tail:
        yield tail
