"""Fixtures for the press-pipeline tests: the shared corpus documents by id."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def seeds(seed_records) -> dict[str, dict]:
    return {record["id"]: record for record in seed_records}


@pytest.fixture(scope="session")
def dev(dev_records) -> dict[str, dict]:
    return {record["id"]: record for record in dev_records}
