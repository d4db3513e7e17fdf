"""Ingest on a real Dask cluster gives the same store as the local process pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.services.batch import EngineUnavailable, ingest_on_dask
from accord.services.ingest import ingest
from accord.services.store import Store
from judging_context import JUDGING

from shared_data import corpus_file

from .conftest import write_jsonl

pytestmark = pytest.mark.slow  # a Dask cluster starts for each test

distributed = pytest.importorskip("distributed", reason="the Dask engine is an optional extra")


def _claims(store: Store) -> list[tuple]:
    return sorted(tuple(row) for row in store.db.execute('SELECT doc_id, treaty, type, value, start, "end", verdict, citation FROM judged_claims'))


def test_dask_ingest_stores_exactly_what_the_local_ingest_stores(tmp_path: Path):
    source = corpus_file("dev.jsonl")
    local, remote = Store(tmp_path / "local.sqlite"), Store(tmp_path / "dask.sqlite")
    expected = ingest([source], local, JUDGING, workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        # connect by address, as to a remote scheduler
        got = ingest_on_dask([source], remote, JUDGING, scheduler=cluster.scheduler_address, chunk=8, in_flight=3)
    assert got.new + got.near_duplicates == expected.new + expected.near_duplicates
    assert _claims(remote) == _claims(local)
    assert remote.stats()["documents"] == local.stats()["documents"]


def test_dask_ingest_passes_reading_errors_through_and_stores_the_rest(tmp_path: Path):
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "a", "text": "The treaty has 47 articles and was signed in Moscow."}])
    (tmp_path / "bad.txt").write_bytes(b"\x00binary")
    store = Store(tmp_path / "s.sqlite")
    report = ingest_on_dask([good, tmp_path / "bad.txt"], store, JUDGING, workers=1)
    assert report.new == 1
    assert [Path(e["origin"]).name for e in report.errors] == ["bad.txt"]
    assert store.stats()["errors"] == 1


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path):
    with pytest.raises(EngineUnavailable, match="cannot reach the Dask scheduler"):
        ingest_on_dask([tmp_path], Store(tmp_path / "s.sqlite"), JUDGING, scheduler="tcp://127.0.0.1:9", connect_timeout=1)
