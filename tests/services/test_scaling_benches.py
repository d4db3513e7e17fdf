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
    done = subprocess.run([sys.executable, str(BENCH / "bench_stream.py"), "--docs", "12,24", "--words", "20",
                           "--workers", "2", "--db-dir", str(tmp_path), "--json"], capture_output=True, text=True, timeout=600)
    result = json.loads(done.stdout)
    # so few documents cannot be flat (the start-up is all there is): the exit code says whether the target held
    assert done.returncode == (0 if result["flat"] and result["under_limit"] else 1), done.stderr[-2000:]
    assert result["complete"] and result["stored"] == result["documents"] == 24 and result["errors"] == 0
    assert [c["documents"] for c in result["checkpoints"]] == [12, 24]
    # the pool's workers are counted: all processes together hold more than the command alone (by 12 documents
    # fed the pool may not have started yet: the pipe takes the first documents at once)
    whole = result["checkpoints"][-1]
    assert whole["peak_rss_mib"] > whole["peak_command_rss_mib"] > 0
    # one stream: the peak up to 24 documents includes the stretch up to 12
    assert result["checkpoints"][1]["peak_rss_mib"] >= result["checkpoints"][0]["peak_rss_mib"]
    assert result["points"] and result["points"][-1]["fed"] == 24
    assert list(tmp_path.iterdir()) == []  # its store and scratch folder are removed


def test_the_stream_bench_cut_short_reports_what_it_reached_and_fails(tmp_path: Path):
    done = subprocess.run([sys.executable, str(BENCH / "bench_stream.py"), "--docs", "10,100000", "--words", "20",
                           "--workers", "1", "--db-dir", str(tmp_path), "--max-minutes", "0.3", "--json"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr[-2000:]  # the target was not measured: not a pass
    result = json.loads(done.stdout)
    assert not result["complete"] and 10 < result["documents"] < 100000
    assert [c["documents"] for c in result["checkpoints"]] == [10, result["documents"]]
    assert list(tmp_path.iterdir()) == []


def test_the_writer_bench_merges_the_whole_shard():
    result = _run("bench_dask.py", "--writer-only", "--writer-docs", "8", "--words", "200")
    assert result["documents"] == 8
    assert result["merge"]["documents"] == 8 and result["merge"]["search_hits"] > 0
    assert result["docs_per_cpu_s"] > 0 and result["merge"]["docs_per_cpu_s"] > 0
