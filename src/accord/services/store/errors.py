"""What the store says back: where a document went, and why the store cannot be used."""

from __future__ import annotations

from typing import NamedTuple


class Stored(NamedTuple):
    """What :meth:`Store.put` did: the outcome, the document it relates to (the copy it repeats
    or resembles), and the id it is stored under (a second version of a known id gets a new one)."""

    outcome: str  # "new" | "unchanged" | "near-duplicate"
    related: str | None
    id: str


class StoreError(RuntimeError):
    """The database file cannot be used (not a database, a newer schema, not writable)."""


class StoreUnavailable(StoreError):
    """The store cannot take a write now (locked past the busy timeout, disk full, read-only): no document
    could be stored, so a batch stops here with what it already stored kept."""
