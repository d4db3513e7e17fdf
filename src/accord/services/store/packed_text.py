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

# zlib's level 3: on 1,000-word articles 0.14 ms a text against 0.20 at the default 6, for 6 % more
# bytes of text (3,057 against 2,879 a document), and the writer is what limits ingest on many workers.
# A store's texts may have been packed at any level: unpacking does not need to know it.
LEVEL = 3


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


@lru_cache(maxsize=4)  # a few: a document may hold up to 10 MB of text
def unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def register(db: sqlite3.Connection) -> None:
    """Add ``document_text(blob)``, which the views read texts with, to a connection."""
    db.create_function("document_text", 1, lambda blob: None if blob is None else unpack(blob), deterministic=True)
