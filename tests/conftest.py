"""What every test shares: the shared-data fixtures and the test markers.

Markers (registered in pyproject.toml): ``slow`` for tests of a few seconds or more (whole-corpus
ingests, process pools, Dask, killed processes), ``browser`` for the Chromium tests; every other
test is marked ``fast`` here, so ``pytest -m fast`` (``make test-fast``) runs the quick subset.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import SHARED, corpus_records, in_ci, shared_path


def pytest_sessionstart(session: pytest.Session) -> None:
    # In CI the shared data is part of the test set: without it a quarter of the suite would
    # measure nothing, so the run stops at once instead of passing on what is left.
    if in_ci() and not SHARED.is_dir():
        pytest.exit(f"shared data missing: {SHARED} (CI needs it; set ACCORD_SHARED or put it next to the repository)",
                    returncode=1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") is None and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.fast)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder (corpus, implementation, reference, treaties)."""
    return shared_path(".")


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared press corpus folder: JSON Lines files with gold claims."""
    return shared_path("corpus")


@pytest.fixture(scope="session")
def seed_records() -> list[dict]:
    """The seed documents of the shared corpus, as stored there."""
    return corpus_records("seeds.jsonl")


@pytest.fixture(scope="session")
def dev_records() -> list[dict]:
    """The dev documents of the shared corpus, as stored there."""
    return corpus_records("dev.jsonl")
