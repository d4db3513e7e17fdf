"""Shared helpers for the press-pipeline tests: where the shared corpus is, and its documents."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("ACCORD_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPUS = SHARED / "corpus"


def corpus_records(name: str) -> list[dict]:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"shared corpus file {name} absent")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def seeds() -> dict[str, dict]:
    return {record["id"]: record for record in corpus_records("seeds.jsonl")}


@pytest.fixture(scope="session")
def dev() -> dict[str, dict]:
    return {record["id"]: record for record in corpus_records("dev.jsonl")}
