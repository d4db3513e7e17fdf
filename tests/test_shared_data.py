"""Missing shared data fails a CI run, loudly, instead of letting it pass on what is left."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shared_data import ROOT

pytestmark = pytest.mark.slow  # a pytest run in a fresh interpreter each

# One real test that reads the shared corpus through the `corpus` fixture.
NEEDS_CORPUS = "tests/press/test_read.py::test_corpus_directory_reads_all_jsonl_and_skips_the_other_files"


def run_pytest(shared: Path, ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"ACCORD_SHARED": str(shared)}
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rsf", NEEDS_CORPUS],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def test_in_ci_a_missing_shared_folder_stops_the_run(tmp_path):
    done = run_pytest(tmp_path / "nowhere", ci=True)
    assert done.returncode == 1, done.stdout
    assert f"shared data missing: {tmp_path / 'nowhere'}" in done.stdout + done.stderr


def test_in_ci_a_missing_corpus_fails_the_test_that_needs_it(tmp_path):
    done = run_pytest(tmp_path, ci=True)
    assert done.returncode == 1, done.stdout
    assert ("1 error" in done.stdout or "1 failed" in done.stdout) and f"shared data missing: {tmp_path / 'corpus'}" in done.stdout


def test_elsewhere_a_missing_corpus_skips_with_the_path(tmp_path):
    done = run_pytest(tmp_path, ci=False)
    assert done.returncode == 0, done.stdout
    assert "1 skipped" in done.stdout and f"shared data missing: {tmp_path / 'corpus'}" in done.stdout
