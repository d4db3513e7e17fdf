"""Exact and near-duplicate detection for cleaned press documents.

Exact: :func:`content_hash`, a SHA-256 over the casefolded, whitespace-collapsed text,
so a copy that differs only in case, spacing or line breaks has the same hash.

Near: :class:`NearDuplicateIndex`, MinHash LSH (datasketch, 128 permutations,
threshold 0.6) over word 3-shingles, confirmed by the exact Jaccard similarity of the
shingle sets (kept only if ≥ 0.65) — LSH finds candidates fast, the exact check throws
out its false positives.

Persistence (the store's side).  The index lives in memory and is rebuilt at start-up
from what the store kept, without re-reading any text:

* ``fingerprint(text)`` returns a :class:`Fingerprint` — the MinHash signature
  (128 × uint32, datasketch's "affine32" scheme) and the set of 32-bit shingle hashes —
  and ``Fingerprint.to_bytes()`` / ``Fingerprint.from_bytes()`` turn it into one blob
  (516 bytes plus 4 bytes per shingle);
* ``add_fingerprint(doc_id, fingerprint)`` puts it back.

``signature(text) -> bytes`` and ``add_signature(doc_id, signature, shingles=None)`` are
the lighter variant: without the shingles the Jaccard check falls back on the MinHash
estimate.  Everything is deterministic (fixed seed, CRC-32 shingle hashes), so stored
blobs stay valid across runs and machines.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

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
    if len(words) < size:
        grams = words
    else:
        grams = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return frozenset(zlib.crc32(gram.encode("utf-8")) for gram in grams)


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


def signature(text: str) -> bytes:
    """The MinHash signature of a text as bytes (NUM_PERM little-endian uint32)."""
    return _signature_bytes(_minhash(shingles(text)))


def _signature_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(SIGNATURE_DTYPE).tobytes()


def _minhash_from_bytes(blob: bytes) -> MinHash:
    if len(blob) != NUM_PERM * SIGNATURE_DTYPE.itemsize:
        raise ValueError(f"a signature is {NUM_PERM * SIGNATURE_DTYPE.itemsize} bytes, got {len(blob)}")
    values = np.frombuffer(blob, dtype=SIGNATURE_DTYPE).astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME, permutations=_PERMUTATIONS)


@lru_cache(maxsize=8)
def _bands(threshold: float) -> tuple[int, int]:
    """LSH (bands, rows) for a threshold; datasketch finds them by numerical integration, so once is enough."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


class NearDuplicateIndex:
    """Documents by id; ``query(text)`` returns the ids of near duplicates with their Jaccard similarity."""

    def __init__(self, threshold: float = LSH_THRESHOLD, min_jaccard: float = JACCARD_MIN) -> None:
        self.min_jaccard = min_jaccard
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=_bands(threshold))
        self._minhashes: dict[str, MinHash] = {}
        self._shingles: dict[str, frozenset[int] | None] = {}

    def __len__(self) -> int:
        return len(self._minhashes)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._minhashes

    def add(self, doc_id: str, text: str) -> None:
        """Index a document; adding an id again replaces its entry (re-ingesting changes nothing)."""
        self.add_fingerprint(doc_id, fingerprint(text))

    def add_fingerprint(self, doc_id: str, fp: Fingerprint) -> None:
        self.add_signature(doc_id, fp.signature, fp.shingles)

    def add_signature(self, doc_id: str, sig: bytes, shingles: frozenset[int] | None = None) -> None:
        minhash = _minhash_from_bytes(sig)
        self.remove(doc_id)
        self._lsh.insert(doc_id, minhash)
        self._minhashes[doc_id] = minhash
        self._shingles[doc_id] = frozenset(shingles) if shingles is not None else None

    def remove(self, doc_id: str) -> None:
        if doc_id in self._minhashes:
            self._lsh.remove(doc_id)
            del self._minhashes[doc_id]
            del self._shingles[doc_id]

    def query(self, text: str, *, exclude: str | None = None) -> list[tuple[str, float]]:
        """Indexed near duplicates of ``text``, most similar first, as ``(doc_id, jaccard)``."""
        return self.query_fingerprint(fingerprint(text), exclude=exclude)

    def query_fingerprint(self, fp: Fingerprint, *, exclude: str | None = None) -> list[tuple[str, float]]:
        minhash = _minhash_from_bytes(fp.signature)
        found = []
        for doc_id in self._lsh.query(minhash):
            if doc_id == exclude:
                continue
            stored = self._shingles[doc_id]
            similarity = jaccard(fp.shingles, stored) if stored is not None else float(minhash.jaccard(self._minhashes[doc_id]))
            if similarity >= self.min_jaccard:
                found.append((doc_id, round(similarity, 4)))
        return sorted(found, key=lambda hit: (-hit[1], hit[0]))
