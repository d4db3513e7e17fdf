"""HTTP byte ranges (RFC 9110 §14) of a kept answer: which part of it a request asks for.

A download of a whole list can be hundreds of megabytes; a client whose connection broke asks for
the rest (``Range: bytes=N-``, as ``curl -C -`` and browsers resuming a download do), naming the
copy it holds (``If-Range: "etag"``).  One range is served; a request for several gets the whole
answer, which RFC 9110 allows.
"""

from __future__ import annotations

import re

_ONE_RANGE = re.compile(rb"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*")


class Unsatisfiable(ValueError):
    """The range starts at or past the end of the answer (a 416)."""


def requested(range_header: bytes | None, if_range: bytes | None, etag: bytes, length: int) -> tuple[int, int] | None:
    """The ``[start, end)`` bytes of an answer of ``length`` bytes that the request asks for, or None
    for the whole answer (no range, one not understood, several, or an ``If-Range`` that does not
    name the answer's ETag).  Raises :class:`Unsatisfiable` for a range wholly past the end."""
    if range_header is None or (if_range is not None and if_range.strip() != etag):
        return None
    match = _ONE_RANGE.fullmatch(range_header)
    if match is None or match.group(1) == match.group(2) == b"":
        return None
    first, last = match.group(1), match.group(2)
    if first == b"":  # the last N bytes
        suffix = int(last)
        if suffix == 0:
            raise Unsatisfiable("an empty suffix")
        return max(0, length - suffix), length
    start = int(first)
    end = length if last == b"" else min(length, int(last) + 1)
    if last != b"" and int(last) < start:
        return None  # not a valid range: ignored, the whole answer is sent
    if start >= length:
        raise Unsatisfiable(f"bytes from {start} of {length}")
    return start, end
