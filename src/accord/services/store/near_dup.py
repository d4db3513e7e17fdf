"""The store's near-duplicate index: built from the stored fingerprints, caught up with other writers."""

from __future__ import annotations

import sqlite3

from accord.press.dedupe import Fingerprint, NearDuplicateIndex


class StoredNearDuplicates:
    """A NearDuplicateIndex over the fingerprints of one store, read lazily on first use."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self._near: NearDuplicateIndex | None = None
        self._seen = 0  # the highest documents rowid the index has taken in
        self._ids: set[str] = set()

    def index(self) -> NearDuplicateIndex:
        """The index, caught up with documents other connections stored since it last looked."""
        if self._near is None:
            # Shingles stay on disk (about 4 kB a document): the index reads a candidate's back when it checks one.
            self._near = NearDuplicateIndex(load=self._stored_fingerprint)
            self._seen = 0
        rows = self.db.execute("SELECT rowid, id, fingerprint FROM documents WHERE rowid > ? AND fingerprint IS NOT NULL "
                               "ORDER BY rowid", (self._seen,))
        for row in rows:
            if row["id"] not in self._ids:
                self._near.add_fingerprint(row["id"], Fingerprint.from_bytes(row["fingerprint"]))
                self._ids.add(row["id"])
            self._seen = row[0]
        return self._near

    def query(self, fp: Fingerprint):
        return self.index().query_fingerprint(fp)

    def _stored_fingerprint(self, doc_id: str) -> bytes | None:
        row = self.db.execute("SELECT fingerprint FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row[0] if row is not None else None

    def add(self, doc_id: str, fp: Fingerprint) -> None:
        """Take in a document this connection just stored (if the index has been built)."""
        if self._near is not None and doc_id not in self._ids:
            self._near.add_fingerprint(doc_id, fp)
            self._ids.add(doc_id)
