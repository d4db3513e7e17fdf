"""The multilingual benchmark measures what it says: each language's synthetic documents are
detected as that language and read for claims (not counted as not analysed)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import gen_multilingual  # noqa: E402

from accord.press.pipeline import process  # noqa: E402
from accord.press.read import RawDocument  # noqa: E402
from judging_context import CATALOG, TODAY


def test_every_benchmark_language_is_detected_and_analysed():
    assert {"en", "ru", "de", "fr", "ar", "fa"} <= set(gen_multilingual.GENERATORS)
    for lang in gen_multilingual.GENERATORS:
        record = gen_multilingual.documents(lang, 1, words=300)[0]
        assert len(record["text"].split()) >= 300
        doc = process(RawDocument(id=record["id"], text=record["text"], published=record["published"]), CATALOG, TODAY)
        assert doc.lang == lang and not doc.not_analysed, (lang, doc.not_analysed)
        assert any(c.type == "mutual_defense" for c in doc.claims) or len(doc.claims) >= 2, lang


def test_generation_is_deterministic():
    first = gen_multilingual.documents("fa", 2, seed=3, words=200)
    assert first == gen_multilingual.documents("fa", 2, seed=3, words=200)
    assert first[0]["text"] != first[1]["text"]
