"""Exact and near-duplicate detection for cleaned press documents.

Exact: :func:`content_hash`, a SHA-256 over the casefolded, whitespace-collapsed text,
so a copy that differs only in case, spacing or line breaks has the same hash.

Near: :class:`NearDuplicateIndex`, MinHash LSH (datasketch's MinHash, 128 permutations,
and its banding for threshold 0.6, kept in compact arrays) over word 3-shingles, confirmed
by the exact Jaccard similarity of the shingle sets (kept only if ≥ 0.65) — LSH finds
candidates fast, the exact check throws out its false positives.

Persistence (the store's side).  The index lives in memory and is rebuilt at start-up
from what the store kept, without re-reading any text:

* ``fingerprint(text)`` returns a :class:`Fingerprint` — the MinHash signature
  (128 × uint32, datasketch's "affine32" scheme) and the set of 32-bit shingle hashes —
  and ``Fingerprint.to_bytes()`` / ``Fingerprint.from_bytes()`` turn it into one blob
  (516 bytes plus 4 bytes per shingle);
* ``add_fingerprint(doc_id, fingerprint)`` puts it back;
* ``NearDuplicateIndex(load=...)`` reads a candidate's fingerprint back from the store
  when a query needs its shingles, so the index itself holds about 1 kB a document.

Everything is deterministic (fixed seed, CRC-32 shingle hashes), so stored blobs stay
valid across runs and machines.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch ≥ 2.0 permutation scheme; signatures of different schemes never mix
SIGNATURE_DTYPE = np.dtype("<u4")
SHINGLE_WORDS = 3
LSH_THRESHOLD = 0.6
JACCARD_MIN = 0.65
WORD = re.compile(r"\w+")
MAGIC = b"ADF1"  # accord dedupe fingerprint, version 1


def normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def content_hash(cleaned: str) -> str:
    """Stable hex SHA-256 of the casefolded, whitespace-collapsed text."""
    return hashlib.sha256(normalise(cleaned).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """32-bit hashes of the word ``size``-grams of the text (its words, if it has fewer)."""
    words = WORD.findall(text.casefold())
    # map and zip rather than a loop in Python: a thousand-word text has a thousand shingles
    grams = words if len(words) < size else map(" ".join, zip(*(words[i:] for i in range(size))))
    return frozenset(map(zlib.crc32, map(str.encode, grams)))  # str.encode: UTF-8


# Drawing the permutations is the costly part of making a MinHash: draw them once.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(hashes: Iterable[int]) -> MinHash:
    # The shingles are already 32-bit hashes: feed them through an identity hash function.
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme=SCHEME, permutations=_PERMUTATIONS)
    values = list(hashes)
    if values:
        minhash.update_batch(values)
    return minhash


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes  # NUM_PERM little-endian uint32 MinHash values
    shingles: frozenset[int]

    def to_bytes(self) -> bytes:
        packed = array("I", sorted(self.shingles))
        if packed.itemsize != 4:  # pragma: no cover - every platform CPython runs on has 4-byte unsigned int
            raise RuntimeError("unexpected array item size")
        return MAGIC + self.signature + packed.tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes) -> Fingerprint:
        end = len(MAGIC) + NUM_PERM * SIGNATURE_DTYPE.itemsize
        if not blob.startswith(MAGIC) or len(blob) < end or (len(blob) - end) % 4:
            raise ValueError("not a dedupe fingerprint (bad header or length)")
        packed = array("I")
        packed.frombytes(blob[end:])
        return cls(signature=blob[len(MAGIC) : end], shingles=frozenset(packed))


def fingerprint(text: str) -> Fingerprint:
    hashes = shingles(text)
    return Fingerprint(signature=_signature_bytes(_minhash(hashes)), shingles=hashes)


def _signature_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(SIGNATURE_DTYPE).tobytes()


@lru_cache(maxsize=8)
def _bands(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows) for a threshold; datasketch finds them by numerical integration, so once is enough."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


# Odd 64-bit multipliers for mixing a band's values into one bucket key (any fixed choice works:
# a bucket only proposes candidates, and every candidate's band is compared value by value).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9], dtype=np.uint64)
MERGE_EVERY = 1024  # documents collected in a small dictionary before they join the sorted bucket arrays


class NearDuplicateIndex:
    """Documents by id, as fingerprints; ``query_fingerprint(fp)`` returns the ids of near duplicates
    with their Jaccard similarity.

    The LSH is kept compact, because a store indexes every document it holds: the signatures
    sit in one uint32 table (512 bytes a document), and each band's bucket key — a 64-bit mix
    of the band's values — in one sorted array with the row it came from (12 bytes a band),
    the latest additions in a small dictionary until they are merged in.  A query proposes the
    rows sharing a bucket key with it and keeps those whose band values are equal, which is
    exactly datasketch's ``MinHashLSH`` candidate set (``b`` bands of ``r`` rows, the same ``b``
    and ``r``).

    ``load(doc_id)`` tells the index where indexed fingerprints can be read again: it returns the
    ``Fingerprint.to_bytes()`` blob (the store's fingerprint column) or None.  Given, the index
    keeps no shingles in memory and reads a candidate's only to confirm it; without it, shingles
    are kept as sorted uint32 arrays (4 bytes each).  Either way the Jaccard similarity is
    counted on sorted arrays, as in the blob, never on Python sets.
    """

    def __init__(self, threshold: float = LSH_THRESHOLD, min_jaccard: float = JACCARD_MIN,
                 load: Callable[[str], bytes | None] | None = None) -> None:
        self.min_jaccard = min_jaccard
        self._b, self._r = _bands(threshold)
        self._load = load
        self._row_of: dict[str, int] = {}
        self._ids: list[str | None] = []  # by row; None once the document is removed or replaced
        self._signatures = np.empty((MERGE_EVERY, NUM_PERM), dtype=SIGNATURE_DTYPE)
        self._keys = np.empty(0, dtype=np.uint64)  # sorted bucket keys of all bands of merged rows
        self._key_rows = np.empty(0, dtype=np.int32)
        self._recent: dict[int, list[int]] = {}  # bucket key -> rows, for rows not merged yet
        self._recent_rows = 0
        self._shingles: dict[str, np.ndarray] = {}  # without ``load`` only

    def add_fingerprint(self, doc_id: str, fp: Fingerprint) -> None:
        """Index a document; adding an id again replaces its entry (re-ingesting changes nothing)."""
        values = _signature_array(fp.signature)
        self.remove(doc_id)
        row = len(self._ids)
        if row == len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.empty_like(self._signatures)])
        self._signatures[row] = values
        self._ids.append(doc_id)
        self._row_of[doc_id] = row
        for key in self._bucket_keys(values).tolist():
            self._recent.setdefault(key, []).append(row)
        self._recent_rows += 1
        if self._recent_rows >= MERGE_EVERY:
            self._merge()
        if self._load is None:
            self._shingles[doc_id] = np.array(sorted(fp.shingles), dtype=np.uint32)

    def remove(self, doc_id: str) -> None:
        row = self._row_of.pop(doc_id, None)
        if row is not None:
            self._ids[row] = None  # its bucket entries stay, pointing at a row no query returns
            self._shingles.pop(doc_id, None)

    def query_fingerprint(self, fp: Fingerprint, *, exclude: str | None = None) -> list[tuple[str, float]]:
        """Indexed near duplicates, most similar first, as ``(doc_id, jaccard)``."""
        values = _signature_array(fp.signature)
        found = []
        query_shingles = None
        for row in self._candidates(values):
            doc_id = self._ids[row]
            if doc_id is None or doc_id == exclude:
                continue
            if query_shingles is None:
                query_shingles = np.array(sorted(fp.shingles), dtype=np.uint32)
            similarity = self._similarity(doc_id, row, query_shingles, values)
            if similarity >= self.min_jaccard:
                found.append((doc_id, round(similarity, 4)))
        return sorted(found, key=lambda hit: (-hit[1], hit[0]))

    # --- internals -------------------------------------------------------------------------------
    def _bucket_keys(self, values: np.ndarray) -> np.ndarray:
        """One 64-bit key per band: the band number and its ``r`` values, mixed."""
        bands = values[: self._b * self._r].reshape(self._b, self._r).astype(np.uint64)
        keys = np.arange(1, self._b + 1, dtype=np.uint64) * _MIX[-1]
        for column in range(self._r):
            keys = (keys ^ bands[:, column]) * _MIX[column % len(_MIX)]
            keys ^= keys >> np.uint64(29)
        return keys

    def _merge(self) -> None:
        keys = np.fromiter((k for k, rows in self._recent.items() for _ in rows), dtype=np.uint64)
        rows = np.fromiter((r for rows in self._recent.values() for r in rows), dtype=np.int32)
        keys, rows = np.concatenate([self._keys, keys]), np.concatenate([self._key_rows, rows])
        order = np.argsort(keys, kind="stable")
        self._keys, self._key_rows = keys[order], rows[order]
        self._recent, self._recent_rows = {}, 0

    def _candidates(self, values: np.ndarray) -> list[int]:
        """Rows that share at least one whole band with ``values``, in no particular order."""
        keys = self._bucket_keys(values)
        proposed: set[int] = set()
        if len(self._keys):
            left = np.searchsorted(self._keys, keys, side="left")
            right = np.searchsorted(self._keys, keys, side="right")
            for a, b in zip(left.tolist(), right.tolist()):
                if a < b:
                    proposed.update(self._key_rows[a:b].tolist())
        for key in keys.tolist():
            proposed.update(self._recent.get(key, ()))
        if not proposed:
            return []
        rows = np.fromiter(proposed, dtype=np.int64)
        width = self._b * self._r
        stored = self._signatures[rows, :width].reshape(len(rows), self._b, self._r)
        same_band = (stored == values[:width].reshape(self._b, self._r)).all(axis=2).any(axis=1)
        return rows[same_band].tolist()

    def _similarity(self, doc_id: str, row: int, query_shingles: np.ndarray, values: np.ndarray) -> float:
        stored = self._shingles.get(doc_id) if self._load is None else _stored_shingles(self._load(doc_id))
        if stored is not None:
            return _sorted_jaccard(query_shingles, stored)
        # the store lost this document's fingerprint: datasketch's MinHash estimate, the share of
        # equal signature values, stands in
        return float(np.count_nonzero(self._signatures[row] == values)) / float(NUM_PERM)


def _stored_shingles(blob: bytes | None) -> np.ndarray | None:
    """The sorted shingle hashes of a ``Fingerprint.to_bytes()`` blob, read in place."""
    if blob is None:
        return None
    start = len(MAGIC) + NUM_PERM * SIGNATURE_DTYPE.itemsize
    if not blob.startswith(MAGIC) or len(blob) < start or (len(blob) - start) % 4:
        raise ValueError("not a dedupe fingerprint (bad header or length)")
    return np.frombuffer(blob, dtype="=u4", offset=start)  # array("I") order: native, as to_bytes wrote it


def _sorted_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sets given as sorted arrays of distinct values (as :func:`jaccard` counts it)."""
    if not len(a) and not len(b):
        return 1.0
    if not len(a) or not len(b):
        return 0.0
    positions = np.searchsorted(a, b)
    common = int(np.count_nonzero(a[np.minimum(positions, len(a) - 1)] == b))
    return common / (len(a) + len(b) - common)


def _signature_array(blob: bytes) -> np.ndarray:
    if len(blob) != NUM_PERM * SIGNATURE_DTYPE.itemsize:
        raise ValueError(f"a signature is {NUM_PERM * SIGNATURE_DTYPE.itemsize} bytes, got {len(blob)}")
    return np.frombuffer(blob, dtype=SIGNATURE_DTYPE)


def band_keys(signature: bytes, threshold: float = LSH_THRESHOLD) -> list[int]:
    """The LSH bucket keys of a signature, one per band, as signed 64-bit integers (what SQLite stores):
    two documents are near-duplicate candidates when they share one, as in :class:`NearDuplicateIndex`."""
    b, r = _bands(threshold)
    bands = _signature_array(signature)[: b * r].reshape(b, r).astype(np.uint64)
    keys = np.arange(1, b + 1, dtype=np.uint64) * _MIX[-1]
    for column in range(r):
        keys = (keys ^ bands[:, column]) * _MIX[column % len(_MIX)]
        keys ^= keys >> np.uint64(29)
    return keys.view(np.int64).tolist()
