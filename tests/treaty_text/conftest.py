"""The shared treaty texts and their gold structure and codings (read from ../shared at test time)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

SHARED = Path(os.environ.get("ACCORD_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
TREATIES = SHARED / "treaties"


def gold_index() -> list[dict]:
    index = TREATIES / "index.yaml"
    if not index.is_file():
        pytest.fail(f"shared treaty texts missing: {index} (set ACCORD_SHARED)")
    return [t for t in yaml.safe_load(index.read_text(encoding="utf-8"))["treaties"] if (TREATIES / t["file"]).is_file()]


def gold(treaty_id: str) -> dict:
    return next(t for t in gold_index() if t["id"] == treaty_id)


def treaty_text(treaty_id: str) -> str:
    return (TREATIES / gold(treaty_id)["file"]).read_text(encoding="utf-8")


def gold_articles() -> list[tuple[str, str, dict]]:
    """(treaty id, instrument, gold article) for every article of every text: main and protocol."""
    out = []
    for t in gold_index():
        out += [(t["id"], "treaty", a) for a in t["articles"]]
        out += [(t["id"], "protocol", a) for a in t.get("protocol_articles", [])]
    return out


@pytest.fixture
def text_of():
    return treaty_text
