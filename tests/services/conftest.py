"""Fixtures for the store and ingest tests: fresh stores, and JSON Lines written for a test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.services.store import Store


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "accord.sqlite")
    yield s
    s.close()
