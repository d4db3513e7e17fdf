"""The quality figures CI prints come from .ci/eval_summary.py: it must keep running as the library changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from shared_data import corpus_file

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "eval_summary.py"


def test_eval_summary_prints_figures_per_file_and_per_language():
    done = subprocess.run([sys.executable, str(SCRIPT), str(corpus_file("seeds.jsonl"))],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("seeds.jsonl: F1=") and "flagship defence claims judged supported: 0" in lines[0]
    assert any(line.startswith("all files, en: F1=") for line in lines)
