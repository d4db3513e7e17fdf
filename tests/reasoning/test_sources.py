"""Every fact carries sources and an honest confidence: plain fact fields (languages, replaces, article
count, titles, an unpublished text) need their own sources, and "high" must be earned."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from accord.knowledge.catalog import default_catalog
from accord.knowledge.model import Confidence, Treaty
from accord.knowledge.source_quality import earned, overclaimed


def test_every_plain_fact_field_of_the_catalog_has_sources():
    for treaty in default_catalog().treaties.values():
        if treaty.languages:
            assert treaty.fact_sources["languages"].sources, treaty.id
        if treaty.replaces:
            assert treaty.fact_sources["replaces"].sources, treaty.id
        if treaty.article_count is not None:
            assert treaty.fact_sources["article_count"].sources, treaty.id
        if not treaty.text_public:
            assert treaty.fact_sources["text_public"].sources, treaty.id


def _minimal(**extra) -> dict:
    return {"id": "x-2000", "title": "X", "confidence": "high", "sources": ["https://example.org/a"],
            "parties": [{"party": "FRA", "confidence": "high", "sources": ["https://example.org/a"]}], **extra}


@pytest.mark.parametrize("field, value", [("languages", ["en"]), ("replaces", ["rus-irn-2001"]), ("article_count", 12),
                                          ("titles", {"fr": "X"}), ("text_public", False)])
def test_a_fact_field_without_sources_is_rejected(field, value):
    with pytest.raises(ValidationError, match=f"no sources for {field}"):
        Treaty.model_validate(_minimal(**{field: value}))
    ok = Treaty.model_validate(_minimal(**{field: value, "fact_sources": {field: {"confidence": "medium", "sources": ["https://example.org/b"]}}}))
    assert ok.fact_sources[field].confidence is Confidence.medium


def test_high_confidence_must_be_earned():
    assert earned(["https://lithuania.news-pravda.com/x"]) is Confidence.medium  # an aggregator alone
    assert earned(["https://en.wikipedia.org/wiki/X", "https://blog.example.blogspot.com/y"]) is Confidence.medium
    assert earned(["https://tass.com/a", "https://tass.com/b"]) is Confidence.medium  # one source, twice
    assert earned(["https://tass.com/a", "https://www.aljazeera.com/b"]) is Confidence.high
    assert earned(["https://www.nato.int/cps/en/natohq/topics_52044.htm"]) is Confidence.high  # official
    for treaty in default_catalog().treaties.values():
        assert overclaimed(treaty) == [], treaty.id


def test_an_overclaimed_fact_is_named_with_its_place():
    treaty = Treaty.model_validate(_minimal(sources=["https://citizenportal.ai/x"]))
    assert "x-2000: high confidence on citizenportal.ai" in overclaimed(treaty)
