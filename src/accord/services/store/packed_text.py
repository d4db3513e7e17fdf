"""Document texts as the store keeps them: UTF-8, zlib-compressed, in a BLOB.

The cleaned text is most of what a store holds; compressed, it takes about a third of its bytes
on long articles and about half on short ones.  SQL reads it through ``document_text(blob)``,
which :func:`register` adds to a connection: the ``paragraph_text`` view, which the full-text index
reads its snippets through, uses it.  The last few texts are kept unpacked, as the index reads a
document's paragraphs one after another.
"""

from __future__ import annotations

import sqlite3
import zlib
from functools import lru_cache

LEVEL = 6  # zlib's default: level 9 saves under 1% more here and costs twice the time


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


@lru_cache(maxsize=4)  # a few: a document may hold up to 10 MB of text
def unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def register(db: sqlite3.Connection) -> None:
    """Add ``document_text(blob)``, which the views read texts with, to a connection."""
    db.create_function("document_text", 1, lambda blob: None if blob is None else unpack(blob), deterministic=True)
