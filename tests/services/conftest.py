"""Fixtures for the store and ingest tests: the shared corpus and fresh stores."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from accord.services.store import Store

SHARED = Path(os.environ.get("ACCORD_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPUS = SHARED / "corpus"


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"shared corpus file {name} absent")
    return path


def records(name: str) -> list[dict]:
    with corpus_file(name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "accord.sqlite")
    yield s
    s.close()
