"""Near duplicates in the store: each document's LSH band keys in an indexed table, confirmed by shingles.

A new document's band keys are looked up by index (``near_bands``), and each stored document that
shares one is confirmed by the exact Jaccard similarity of the word 3-shingles of its stored text —
the candidates and the check of :class:`accord.press.dedupe.NearDuplicateIndex`, without building an
index in memory: opening a store reads nothing, and other writers' documents are seen at once.

Candidates grow with the store: a pair of documents that are alike but not near duplicates
(Jaccard 0.3–0.5, as coverage written from one template or one wire story is) shares a band key now
and then, and each such pair cost unpacking and shingling a stored text.  So every document also
keeps a *sketch* (``near_sketches``): the low byte of each of its 128 MinHash values.  Two sketches
agree at a position with probability J + (1 − J)/256, so counting agreements estimates the Jaccard
similarity J for 128 bytes a document, and a candidate whose count is too low to come from a pair
at the bound (``JACCARD_MIN``) is dropped before its text is read.  The count is set so that a
stored document exactly at the bound is dropped with probability at most ``MISS`` (1e-5), and one
above the bound less often still: the shingles decide every candidate that is kept, as before.  A
document stored before sketches were kept (schema ≤ 9) has none and is always confirmed.
"""

from __future__ import annotations

import math
import sqlite3

import numpy as np

from accord.press.dedupe import JACCARD_MIN, NUM_PERM, SIGNATURE_DTYPE, Fingerprint, _sorted_jaccard, band_keys, shingles
from accord.services.store.packed_text import unpack


# A band key is kept as its top 32 bits (four bytes a row instead of eight): a key that two documents
# share by chance makes them candidates only, which the shingles then rule out.
KEY_SHIFT = 32
SKETCH_VALUES = 256  # one byte of each MinHash value
MISS = 1e-5


def _fewest_agreements(jaccard: float = JACCARD_MIN, miss: float = MISS) -> int:
    """The largest count m with P(agreements < m) <= miss for a pair of similarity ``jaccard``: the
    agreements of two sketches are Binomial(NUM_PERM, J + (1 - J) / SKETCH_VALUES)."""
    p = jaccard + (1 - jaccard) / SKETCH_VALUES
    below = 0.0  # P(agreements < m)
    for m in range(NUM_PERM + 1):
        below_next = below + math.comb(NUM_PERM, m) * p**m * (1 - p) ** (NUM_PERM - m)
        if below_next > miss:
            return m
        below = below_next
    return NUM_PERM  # pragma: no cover - unreachable for any miss < 1


FEWEST_AGREEMENTS = _fewest_agreements()


def stored_keys(fp: Fingerprint) -> list[int]:
    return [key >> KEY_SHIFT for key in band_keys(fp.signature)]


def sketch(fp: Fingerprint) -> bytes:
    """The low byte of each MinHash value of the fingerprint, in order."""
    return (np.frombuffer(fp.signature, dtype=SIGNATURE_DTYPE) & 0xFF).astype(np.uint8).tobytes()


def agreements(a: bytes, b: bytes) -> int:
    """Positions where two sketches agree."""
    return int(np.count_nonzero(np.frombuffer(a, dtype=np.uint8) == np.frombuffer(b, dtype=np.uint8)))


def near_duplicates(db: sqlite3.Connection, fp: Fingerprint, keys: list[int] | None = None) -> list[tuple[str, float]]:
    """Stored near duplicates of a fingerprint, most similar first, as ``(doc_id, jaccard)`` (``keys``: its
    ``stored_keys``, when the caller has them already)."""
    keys = stored_keys(fp) if keys is None else keys
    candidates = db.execute(
        f"SELECT c.doc, s.sketch FROM (SELECT DISTINCT doc FROM near_bands WHERE key IN ({','.join('?' * len(keys))})) c "
        "LEFT JOIN near_sketches s ON s.doc = c.doc", keys).fetchall()
    if not candidates:
        return []
    mine = sketch(fp)
    kept = [n for n, theirs in candidates if theirs is None or agreements(mine, theirs) >= FEWEST_AGREEMENTS]
    if not kept:
        return []
    rows = db.execute(f"SELECT id, text FROM documents WHERE n IN ({','.join('?' * len(kept))})", kept).fetchall()
    query = np.array(sorted(fp.shingles), dtype=np.uint32)
    found = []
    for doc_id, text in rows:
        stored = np.array(sorted(shingles(unpack(text))), dtype=np.uint32)
        similarity = _sorted_jaccard(query, stored)
        if similarity >= JACCARD_MIN:
            found.append((doc_id, round(similarity, 4)))
    return sorted(found, key=lambda hit: (-hit[1], hit[0]))


def near_duplicate_of(db: sqlite3.Connection, fp: Fingerprint, keys: list[int] | None = None) -> str | None:
    found = near_duplicates(db, fp, keys)
    return found[0][0] if found else None
