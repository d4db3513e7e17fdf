"""Near duplicates in the store: each document's LSH band keys in an indexed table, confirmed by shingles.

A new document's band keys are looked up by index (``near_bands``), and each stored document that
shares one is confirmed by the exact Jaccard similarity of the word 3-shingles of its stored text —
the candidates and the check of :class:`accord.press.dedupe.NearDuplicateIndex`, without building an
index in memory: opening a store reads nothing, and other writers' documents are seen at once.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from accord.press.dedupe import JACCARD_MIN, Fingerprint, _sorted_jaccard, band_keys, shingles
from accord.services.store.packed_text import unpack


# A band key is kept as its top 32 bits (four bytes a row instead of eight): a key that two documents
# share by chance makes them candidates only, which the shingles then rule out.
KEY_SHIFT = 32


def stored_keys(fp: Fingerprint) -> list[int]:
    return [key >> KEY_SHIFT for key in band_keys(fp.signature)]


def band_rows(fp: Fingerprint, n: int) -> list[tuple[int, int]]:
    return [(key, n) for key in stored_keys(fp)]


def near_duplicates(db: sqlite3.Connection, fp: Fingerprint) -> list[tuple[str, float]]:
    """Stored near duplicates of a fingerprint, most similar first, as ``(doc_id, jaccard)``."""
    keys = stored_keys(fp)
    rows = db.execute(f"SELECT id, text FROM documents WHERE n IN (SELECT doc FROM near_bands WHERE key IN "
                      f"({','.join('?' * len(keys))}))", keys).fetchall()
    if not rows:
        return []
    query = np.array(sorted(fp.shingles), dtype=np.uint32)
    found = []
    for doc_id, text in rows:
        stored = np.array(sorted(shingles(unpack(text))), dtype=np.uint32)
        similarity = _sorted_jaccard(query, stored)
        if similarity >= JACCARD_MIN:
            found.append((doc_id, round(similarity, 4)))
    return sorted(found, key=lambda hit: (-hit[1], hit[0]))


def near_duplicate_of(db: sqlite3.Connection, fp: Fingerprint) -> str | None:
    found = near_duplicates(db, fp)
    return found[0][0] if found else None
