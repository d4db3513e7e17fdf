"""The scaling benchmarks run and measure what they say, on tiny inputs: the streaming one stores every
document it pipes in and samples the memory of the ingest and its workers; the writer-alone one merges
a whole shard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each runs `accord ingest` or the pipeline in fresh interpreters

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _run(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, str(BENCH / script), *args, "--json"], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_the_stream_bench_stores_every_document_and_samples_the_workers_too(tmp_path: Path):
    result = _run("bench_stream.py", "--docs", "12,24", "--words", "20", "--workers", "2", "--db-dir", str(tmp_path))
    assert [r["stored"] for r in result["runs"]] == [12, 24]
    for run in result["runs"]:
        assert run["errors"] == 0
        # the pool's workers are counted: all processes together hold more than the command alone
        assert run["peak_rss_mib"] > run["peak_command_rss_mib"] > 0
        assert run["tenths"] and run["tenths"][-1]["fed"] == run["documents"]
    assert list(tmp_path.iterdir()) == []  # its stores and scratch folder are removed


def test_the_writer_bench_merges_the_whole_shard():
    result = _run("bench_dask.py", "--writer-only", "--writer-docs", "8", "--words", "200")
    assert result["documents"] == 8
    assert result["merge"]["documents"] == 8 and result["merge"]["search_hits"] > 0
    assert result["docs_per_cpu_s"] > 0 and result["merge"]["docs_per_cpu_s"] > 0
