"""The Dask engine against real `dask scheduler` and `dask worker` processes stores exactly what the local ingest stores."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from accord.press.read import raw_document
from accord.services.batch import ingest_on_dask, process_chunk
from accord.services.content_digest import store_digests
from accord.services.ingest import ingest
from accord.services.store import Store
from dask_processes import dask_cluster
from judging_context import JUDGING
from shared_data import corpus_records

pytestmark = pytest.mark.slow  # a scheduler and worker processes start, and the corpus is ingested twice

distributed = pytest.importorskip("distributed", reason="the Dask engine is an optional extra")
Client = distributed.Client


CHUNK = 4


def _corpus(path: Path) -> tuple[Path, int]:
    """The dev corpus, led by chunks where the order of writing decides what is stored.  The first
    chunk holds two articles, a short one and a long compilation of the others (slow to process);
    each of the next three, quick ones holds one thing that conflicts with it: a near copy of an
    article under a new id (which is the original?) or the short one's id with other text (which
    version keeps the plain id?).  Whichever worker does not run the first chunk finishes one of
    these before it: written as they finish, that one would be stored first."""
    records = corpus_records("dev.jsonl")
    by_length = sorted(records, key=lambda r: len(r["text"]))
    short, article, other = by_length[0], by_length[len(by_length) // 2], by_length[len(by_length) // 2 + 1]
    compilation = {"id": "compilation", "text": "\n\n".join(r["text"] for r in records[::2])}
    conflicts = [{**article, "id": "near-copy", "text": article["text"] + "\n\nA closing line the copy adds."},
                 {**short, "text": short["text"] + "\n\nA correction appended later."},
                 {**other, "id": "near-copy-2", "text": other["text"] + "\n\nA closing line the copy adds."}]
    rest = [r for r in records if r not in (short, article, other)]
    lead = [article, short, other, compilation]
    for conflict in conflicts:
        lead += [conflict, *rest[: CHUNK - 1]]
        rest = rest[CHUNK - 1 :]
    with path.open("w", encoding="utf-8") as handle:
        for record in [*lead, *rest]:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, len(records) + 4


def _digests(path: Path) -> dict:
    with Store(path) as store:
        return store_digests(store, JUDGING.catalog.treaties)


def test_real_worker_processes_store_what_the_local_ingest_stores(tmp_path: Path):
    corpus, documents = _corpus(tmp_path / "corpus.jsonl")
    with Store(tmp_path / "local.sqlite") as local:
        expected = ingest([corpus], local, JUDGING, workers=1)
    with Store(tmp_path / "local.sqlite") as local:  # the planted copies are found, so the comparison covers them
        assert local.document("near-copy")["near_dup_of"] and local.document("near-copy-2")["near_dup_of"]
    with dask_cluster(2, tmp_path) as address, Store(tmp_path / "dask.sqlite") as remote:
        with Client(address) as client:  # warm workers, so that how long a chunk takes is down to its documents
            client.run(process_chunk, [raw_document("warm", "Signed in Moscow.", origin="warm")], JUDGING)
        # small chunks, several out at once: two workers finish them out of order
        got = ingest_on_dask([corpus], remote, JUDGING, scheduler=address, chunk=CHUNK, in_flight=4)
    assert (got.new, got.unchanged, got.near_duplicates) == (expected.new, expected.unchanged, expected.near_duplicates)
    local_digests, dask_digests = _digests(tmp_path / "local.sqlite"), _digests(tmp_path / "dask.sqlite")
    assert local_digests["documents"] == documents
    assert dask_digests == local_digests


def test_the_workers_are_gone_when_the_cluster_is(tmp_path: Path):
    with dask_cluster(1, tmp_path) as address:
        with Client(address) as client:
            pids = list(client.run(os.getpid).values())
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
