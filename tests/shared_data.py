"""Where the shared data is (corpus, gold events, reference facts, treaty texts), and what a test
does when it is missing.

The shared data sits next to the repository (``../shared``), or where ``ACCORD_SHARED`` points.
A quarter of the suite measures the project on it, so in CI (``CI`` set, as every CI service and
``.ci/run`` do) a missing file fails the test that needs it, naming the path: a run that silently
skipped those tests would pass without having measured anything. On a developer's machine
without the data the same tests are skipped, with the same message.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ACCORD_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
TREATIES = SHARED / "treaties"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(path: Path) -> NoReturn:
    """Fail (in CI) or skip (elsewhere) a test whose shared data is absent."""
    message = f"shared data missing: {path} (put the shared folder next to the repository or set ACCORD_SHARED)"
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def shared_path(relative: str) -> Path:
    """``SHARED / relative``, which must exist."""
    path = SHARED / relative
    if not path.exists():
        missing(path)
    return path


def corpus_file(name: str) -> Path:
    return shared_path(f"corpus/{name}")


def corpus_records(name: str) -> list[dict]:
    with corpus_file(name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
