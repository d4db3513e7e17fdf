"""What a store holds, as digests that two stores can be compared by.

Two ingests of the same input (a local process pool, a Dask cluster of any size) must store
the same thing: the same document ids with the same cleaned text and duplicate pointers, the
same claims with the same verdicts, the same implementation events.  The digests are taken
through the store's read methods only, so they do not depend on how the tables are laid out,
and they leave out what differs by nature between two runs (the time of ingest, row ids).
"""

from __future__ import annotations

import hashlib
import json
from typing import Iterable, Iterator

from accord.services.store import Store

def _hash(rows: Iterable[object]) -> str:
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def document_ids(store: Store) -> list[str]:
    # one cursor over the rows, read as it goes: pages by offset would read the store again for each
    return sorted(row["id"] for row in store.iter_documents())


def _documents(store: Store, ids: list[str]) -> Iterator[list]:
    for doc_id in ids:
        doc = store.document(doc_id)
        if doc is None:  # removed between listing and reading: say so rather than skip it
            yield [doc_id, None]
            continue
        yield [doc_id, doc["near_dup_of"], doc["lang"], doc["published"], doc["outlet"], doc["url"],
               hashlib.sha256(doc["text"].encode("utf-8")).hexdigest(),
               [[p["start"], p["end"], p["lang"], p["analysed"]] for p in doc["paragraphs"]]]


def _claims(store: Store) -> list[list]:
    return sorted([c["doc_id"], c["treaty"], c["type"], json.dumps(c["value"], sort_keys=True, ensure_ascii=False),
                   c["start"], c["end"], c["verdict"], c["citation"]] for c in store.iter_claims())


def _events(store: Store, treaties: Iterable[str]) -> list[list]:
    keep = ("doc_id", "treaty", "provision", "type", "actors", "event_date", "status", "start", "end", "lang")
    return sorted([[event.get(k) for k in keep] for treaty in sorted(treaties) for event in store.events(treaty)],
                  key=lambda row: json.dumps(row, default=str))


def store_digests(store: Store, treaties: Iterable[str]) -> dict[str, object]:
    """Counts and SHA-256 digests of the documents, claims with verdicts, and events about ``treaties``."""
    ids = document_ids(store)
    claims, events = _claims(store), _events(store, treaties)
    return {"documents": len(ids), "claims": len(claims), "events": len(events),
            "document_ids": _hash(ids), "document_contents": _hash(_documents(store, ids)),
            "claims_and_verdicts": _hash(claims), "events_digest": _hash(events)}
